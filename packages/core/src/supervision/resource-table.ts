import type { ConsumerSpec } from '../binding-api/protocol-client.js';
import type { Connection, ConnectivityStatus } from '../model/connection.js';
import type { ClientState, ClientSupervisorStatus, RecoveryStatus, SourceState, TargetState } from './client-status.js';

const PLACEHOLDER_TARGET_DETAILS = 'Producers for targets with placeholders are started on-demand.';

/** Every consumer a client runs: per source, per address, `consumerCount` times (bindings.md §0.1). */
export function consumerSpecs(connection: Connection): ConsumerSpec[] {
  return connection.sources.flatMap((source, sourceIndex) =>
    source.addresses.flatMap((address) => Array.from({ length: source.consumerCount }, (_, consumerIndex) => ({ sourceIndex, source, address, consumerIndex }))),
  );
}

/** Whether the client needs a publisher: for targets, and for the reply targets of sources. */
export function needsPublisher(connection: Connection): boolean {
  return connection.targets.length > 0 || connection.sources.some((source) => source.replyTarget !== undefined);
}

/**
 * The mutable status of one client and its resources; every change produces a new immutable
 * snapshot so listeners can keep what they were given.
 */
export class ResourceTable {
  private clientState: ClientState;
  private sources: SourceState[];
  private targets: TargetState[];

  constructor(
    private readonly clientIndex: number,
    connection: Connection,
    now: Date,
  ) {
    this.clientState = { status: 'closed', recoveryStatus: 'unknown', statusDetails: 'Not started.', inStateSince: now };
    this.sources = consumerSpecs(connection).map((spec) => ({ sourceIndex: spec.sourceIndex, address: spec.address, consumerIndex: spec.consumerIndex, status: 'closed', statusDetails: 'Not started.', inStateSince: now }));
    this.targets = connection.targets.map((target, targetIndex) => ({ targetIndex, address: target.address, status: 'closed', statusDetails: 'Not started.', inStateSince: now }));
  }

  snapshot(): ClientSupervisorStatus {
    return { clientIndex: this.clientIndex, client: this.clientState, sources: [...this.sources], targets: [...this.targets] };
  }

  get client(): ClientState {
    return this.clientState;
  }

  setClient(status: ConnectivityStatus, statusDetails: string, now: Date, recoveryStatus: RecoveryStatus = this.clientState.recoveryStatus): void {
    const inStateSince = status === this.clientState.status ? this.clientState.inStateSince : now;
    this.clientState = { status, recoveryStatus, statusDetails, inStateSince };
  }

  setRecovery(recoveryStatus: RecoveryStatus): void {
    this.clientState = { ...this.clientState, recoveryStatus };
  }

  setConsumer(spec: ConsumerSpec, status: ConnectivityStatus, statusDetails: string, now: Date): void {
    this.sources = this.sources.map((entry) =>
      entry.sourceIndex === spec.sourceIndex && entry.address === spec.address && entry.consumerIndex === spec.consumerIndex ? moved(entry, status, statusDetails, now) : entry,
    );
  }

  /** Marks every target as served by a running publisher; placeholder addresses are reported `unknown` as Ditto does. */
  setTargetsStarted(now: Date): void {
    this.targets = this.targets.map((entry) =>
      entry.address.includes('{{') ? moved(entry, 'unknown', PLACEHOLDER_TARGET_DETAILS, now) : moved(entry, 'open', `Producer started at ${now.toISOString()}`, now),
    );
  }

  setTargets(status: ConnectivityStatus, statusDetails: string, now: Date): void {
    this.targets = this.targets.map((entry) => moved(entry, status, statusDetails, now));
  }

  /** A status a binding reported for every resource of that kind with this address. */
  setByAddress(resource: 'source' | 'target', address: string, status: ConnectivityStatus, statusDetails: string, now: Date): void {
    if (resource === 'source') this.sources = this.sources.map((entry) => (entry.address === address ? moved(entry, status, statusDetails, now) : entry));
    else this.targets = this.targets.map((entry) => (entry.address === address ? moved(entry, status, statusDetails, now) : entry));
  }

  /** Every consumer and target stopped, e.g. because the client is down. */
  closeResources(statusDetails: string, now: Date): void {
    this.sources = this.sources.map((entry) => moved(entry, 'closed', statusDetails, now));
    this.targets = this.targets.map((entry) => moved(entry, 'closed', statusDetails, now));
  }
}

function moved<T extends { status: ConnectivityStatus; statusDetails: string; inStateSince: Date }>(entry: T, status: ConnectivityStatus, statusDetails: string, now: Date): T {
  return { ...entry, status, statusDetails, inStateSince: entry.status === status ? entry.inStateSince : now };
}
