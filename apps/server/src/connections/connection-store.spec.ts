import type { ConnectionEvent, ConnectionJournal, StoredConnection } from '../persistence/connection-journal.js';
import { JournalConflictError } from '../persistence/journal-conflict-error.js';
import { ConnectionStore } from './connection-store.js';

/** A journal whose every append loses a race against another writer. */
class ConflictingJournal implements ConnectionJournal {
  async append(event: ConnectionEvent): Promise<void> {
    throw new JournalConflictError(event.connectionId, event.revision + 1, event.revision);
  }
  async load(): Promise<StoredConnection | undefined> {
    return undefined;
  }
  async loadAll(): Promise<StoredConnection[]> {
    return [];
  }
  async close(): Promise<void> {}
}

describe('ConnectionStore', () => {
  it('answers a revision conflict of the journal with a Ditto error, not an internal error', async () => {
    const store = new ConnectionStore(new ConflictingJournal(), () => new Date(0));
    await expect(store.append('c-1', 'created', { id: 'c-1' })).rejects.toMatchObject({ status: 409, error: 'connectivity:signal.illegal' });
  });
});
