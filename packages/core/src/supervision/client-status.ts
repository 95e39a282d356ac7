import type { ConnectivityStatus } from '../model/connection.js';

/** How far a client got with recovering from failures (management.md §6.4). @public */
export type RecoveryStatus = 'ongoing' | 'succeeded' | 'backOffLimitReached' | 'unknown';

/** Status of one resource (client, consumer, target) as the supervisor last saw it. @public */
export interface ResourceState {
  readonly status: ConnectivityStatus;
  readonly statusDetails: string;
  readonly inStateSince: Date;
}

/** The client itself. @public */
export interface ClientState extends ResourceState {
  readonly recoveryStatus: RecoveryStatus;
}

/** One consumer: one address of one source, one of `consumerCount`. @public */
export interface SourceState extends ResourceState {
  readonly sourceIndex: number;
  readonly address: string;
  readonly consumerIndex: number;
}

/** One target, served by the client's publisher. @public */
export interface TargetState extends ResourceState {
  readonly targetIndex: number;
  readonly address: string;
}

/**
 * Everything one supervised client reports: its own state and one entry per consumer and target,
 * always complete (resources that are not running are listed as `closed`), so status collection
 * never has to wait for missing entries.
 * @public
 */
export interface ClientSupervisorStatus {
  readonly clientIndex: number;
  readonly client: ClientState;
  readonly sources: readonly SourceState[];
  readonly targets: readonly TargetState[];
}
