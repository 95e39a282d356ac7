import type { ConnectivityStatus, RecoveryStatus } from '@twinlink/core';

/** What the aggregation needs of a resource status entry. */
export interface StatusEntry {
  readonly type: 'client' | 'source' | 'target' | 'ssh' | 'unknown';
  readonly status: ConnectivityStatus;
  readonly recoveryStatus?: RecoveryStatus;
}

/** Step 1 of management.md §6.3: the status of one kind of resource. An empty list counts as open. */
export function kindStatus(entries: readonly StatusEntry[]): ConnectivityStatus {
  if (entries.every((entry) => entry.status === 'open')) return 'open';
  if (entries.some((entry) => entry.status === 'failed')) return 'failed';
  if (entries.some((entry) => entry.status === 'misconfigured')) return 'misconfigured';
  if (entries.every((entry) => entry.status === 'closed')) return 'closed';
  if (entries.some((entry) => entry.status === 'unknown')) {
    return entries.filter((entry) => entry.type === 'client').every((entry) => entry.status === 'open') ? 'open' : 'unknown';
  }
  return 'unknown';
}

/** Step 2 of §6.3: the live status across the kind results. */
export function liveStatus(kinds: readonly (readonly StatusEntry[])[]): ConnectivityStatus {
  const results = kinds.map(kindStatus);
  if (results.every((status) => status === 'open')) return 'open';
  if (results.includes('failed')) return 'failed';
  if (results.includes('misconfigured')) return 'misconfigured';
  if (results.every((status) => status === 'closed')) return 'closed';
  return 'unknown';
}

/** §6.4: over the client entries that carry a recovery status. */
export function recoveryStatus(entries: readonly StatusEntry[]): RecoveryStatus {
  const values = entries.flatMap((entry) => (entry.recoveryStatus ? [entry.recoveryStatus] : []));
  if (values.every((value) => value === 'succeeded')) return 'succeeded';
  if (values.includes('backOffLimitReached')) return 'backOffLimitReached';
  if (values.includes('ongoing')) return 'ongoing';
  return 'unknown';
}
