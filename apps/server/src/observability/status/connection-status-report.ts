import { formatInstant } from '@twinlink/core';
import type { ClientSupervisorStatus, ConnectivityStatus, JsonObject, ResourceState } from '@twinlink/core';
import { liveStatus, recoveryStatus } from './status-aggregation.js';
import type { StatusEntry } from './status-aggregation.js';

/** What the status of one connection is built from. */
export interface StatusInput {
  readonly connectionId: string;
  /** Desired status from the stored configuration. */
  readonly desiredStatus: ConnectivityStatus;
  /** Statuses of the running clients; undefined when the connection has none (closed, not started). */
  readonly clients: readonly ClientSupervisorStatus[] | undefined;
  /** This service instance, the `client` of every entry. */
  readonly instanceId: string;
  /** When the connection was last closed (the closed answer's `inStateSince`). */
  readonly closedSince: Date | undefined;
}

type Entry = StatusEntry & JsonObject;

const EPOCH = '1970-01-01T00:00:00Z';

/** The status fields of a retrieveConnectionStatus response (management.md §6), without type and status. */
export function connectionStatusReport(input: StatusInput): JsonObject {
  if (!input.clients || input.clients.length === 0) return closedReport(input);
  const clientName = (index: number) => (input.clients && input.clients.length > 1 ? `${input.instanceId}_${index}` : input.instanceId);
  const clients: Entry[] = input.clients.map((status) => ({
    type: 'client',
    client: clientName(status.clientIndex),
    ...stateJson(status.client),
    recoveryStatus: status.client.recoveryStatus,
  }));
  const sources: Entry[] = input.clients.flatMap((status) => status.sources.map((source) => ({ type: 'source' as const, client: clientName(status.clientIndex), address: source.address, ...stateJson(source) })));
  const targets: Entry[] = input.clients.flatMap((status) => status.targets.map((target) => ({ type: 'target' as const, client: clientName(status.clientIndex), address: target.address, ...stateJson(target) })));
  const openSince = input.clients.filter((status) => status.client.status === 'open').map((status) => status.client.inStateSince.getTime());
  return {
    connectionId: input.connectionId,
    connectionStatus: input.desiredStatus,
    liveStatus: liveStatus([clients, sources, targets]),
    recoveryStatus: recoveryStatus(clients),
    ...(openSince.length > 0 ? { connectedSince: formatInstant(Math.min(...openSince)) } : {}),
    clientStatus: clients,
    ...(sources.length > 0 ? { sourceStatus: sources } : {}),
    ...(targets.length > 0 ? { targetStatus: targets } : {}),
  };
}

function closedReport(input: StatusInput): JsonObject {
  return {
    connectionId: input.connectionId,
    connectionStatus: 'closed',
    liveStatus: 'closed',
    recoveryStatus: 'unknown',
    clientStatus: [
      {
        type: 'client',
        client: input.instanceId,
        status: 'closed',
        recoveryStatus: 'unknown',
        statusDetails: '[DISCONNECTED] connection is closed',
        inStateSince: input.closedSince ? formatInstant(input.closedSince.getTime()) : EPOCH,
      },
    ],
  };
}

function stateJson(state: ResourceState): { status: ConnectivityStatus; statusDetails: string; inStateSince: string } {
  return { status: state.status, statusDetails: state.statusDetails, inStateSince: formatInstant(state.inStateSince.getTime()) };
}
