/**
 * Thrown by {@link ConnectionJournal.append} when the event's revision is not the next one of its
 * connection: another change was persisted in between. The command that produced the event lost
 * the race and must not be acknowledged.
 */
export class JournalConflictError extends Error {
  readonly code = 'REVISION_CONFLICT';

  constructor(
    readonly connectionId: string,
    readonly expectedRevision: number,
    readonly givenRevision: number,
  ) {
    super(`Revision conflict on connection '${connectionId}': expected revision ${expectedRevision}, got ${givenRevision}.`);
    this.name = 'JournalConflictError';
  }
}
