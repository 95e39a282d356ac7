import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ConnectionEvent, ConnectionEventType } from './connection-journal.js';
import { JournalConflictError } from './journal-conflict-error.js';
import { SqliteConnectionJournal } from './sqlite-connection-journal.js';

function event(connectionId: string, revision: number, type: ConnectionEventType, extra: Partial<ConnectionEvent> = {}): ConnectionEvent {
  const status = type === 'opened' ? 'open' : 'closed';
  return {
    connectionId,
    revision,
    type,
    timestamp: new Date(Date.UTC(2024, 0, 6, 14, 0, revision)).toISOString(),
    ...(type === 'deleted' ? {} : { connection: { id: connectionId, uri: 'tcp://user:secret@broker:1883', connectionStatus: status, revision } }),
    ...extra,
  };
}

describe('SqliteConnectionJournal', () => {
  let dir: string;
  let journal: SqliteConnectionJournal;
  const open = () => new SqliteConnectionJournal({ dataDir: dir, snapshotEvery: 3 });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'twinlink-journal-'));
    journal = open();
  });
  afterEach(async () => {
    await journal.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns undefined for a connection that never existed', async () => {
    expect(await journal.load('nope')).toBeUndefined();
  });

  it('rebuilds the state with revision, created and modified; secrets stay as given', async () => {
    await journal.append(event('a', 1, 'created'));
    await journal.append(event('a', 2, 'opened'));
    const state = await journal.load('a');
    expect(state).toEqual({
      connectionId: 'a',
      revision: 2,
      created: '2024-01-06T14:00:01.000Z',
      modified: '2024-01-06T14:00:02.000Z',
      deleted: false,
      connection: { id: 'a', uri: 'tcp://user:secret@broker:1883', connectionStatus: 'open', revision: 2 },
    });
  });

  it('flips the desired status for opened/closed events that carry no connection', async () => {
    await journal.append(event('a', 1, 'created'));
    await journal.append({ connectionId: 'a', revision: 2, type: 'opened', timestamp: '2024-01-06T15:00:00Z' });
    expect((await journal.load('a'))?.connection?.['connectionStatus']).toBe('open');
  });

  it('rejects a revision that is not the next one', async () => {
    await journal.append(event('a', 1, 'created'));
    await expect(journal.append(event('a', 1, 'modified'))).rejects.toBeInstanceOf(JournalConflictError);
    await expect(journal.append(event('a', 3, 'modified'))).rejects.toMatchObject({ expectedRevision: 2, givenRevision: 3 });
    await expect(journal.append(event('b', 2, 'created'))).rejects.toMatchObject({ expectedRevision: 1 });
    expect((await journal.load('a'))?.revision).toBe(1);
  });

  it('keeps deleted connections out of loadAll and counts revisions on after re-creation', async () => {
    await journal.append(event('b', 1, 'created'));
    await journal.append(event('a', 1, 'created'));
    await journal.append(event('c', 1, 'created'));
    await journal.append(event('c', 2, 'deleted'));
    expect((await journal.loadAll()).map((s) => s.connectionId)).toEqual(['a', 'b']);
    expect(await journal.load('c')).toMatchObject({ deleted: true, revision: 2, connection: undefined });

    await journal.append(event('c', 3, 'created'));
    const recreated = await journal.load('c');
    expect(recreated).toMatchObject({ deleted: false, revision: 3, created: '2024-01-06T14:00:03.000Z' });
    expect((await journal.loadAll()).map((s) => s.connectionId)).toEqual(['a', 'b', 'c']);
  });

  it('snapshots every snapshotEvery events and loads the same state through them', async () => {
    const types: ConnectionEventType[] = ['created', 'opened', 'closed', 'modified', 'opened', 'closed', 'modified'];
    for (const [i, type] of types.entries()) await journal.append(event('a', i + 1, type));
    await journal.close();
    journal = open();
    const db = new Database(join(dir, 'connections.db'), { readonly: true });
    expect(db.prepare('SELECT revision FROM connection_snapshots ORDER BY revision').pluck().all()).toEqual([3, 6]);
    db.close();
    expect(await journal.load('a')).toMatchObject({ revision: 7, created: '2024-01-06T14:00:01.000Z', connection: { revision: 7 } });
    expect(await journal.loadAt('a', { revision: 4 })).toMatchObject({ revision: 4, connection: { revision: 4 } });
  });

  it('retrieves historical states by revision and by timestamp', async () => {
    await journal.append(event('a', 1, 'created'));
    await journal.append(event('a', 2, 'opened'));
    await journal.append(event('a', 3, 'deleted'));
    expect(await journal.loadAt('a', { revision: 1 })).toMatchObject({ revision: 1, connection: { connectionStatus: 'closed' } });
    expect(await journal.loadAt('a', { revision: 3 })).toMatchObject({ revision: 3, deleted: true });
    expect(await journal.loadAt('a', { revision: 4 })).toBeUndefined();
    // Timestamps compare as instants, not as text ("…02Z" is later than "…01.5Z").
    expect(await journal.loadAt('a', { timestamp: '2024-01-06T14:00:02Z' })).toMatchObject({ revision: 2 });
    expect(await journal.loadAt('a', { timestamp: '2024-01-06T14:00:01.5Z' })).toMatchObject({ revision: 1 });
    expect(await journal.loadAt('a', { timestamp: '2024-01-06T13:00:00Z' })).toBeUndefined();
  });

  it('keeps everything across close and reopen', async () => {
    await journal.append(event('a', 1, 'created'));
    await journal.append(event('a', 2, 'opened'));
    await journal.close();
    await expect(journal.load('a')).rejects.toThrow();

    journal = open();
    expect(await journal.load('a')).toMatchObject({ revision: 2, connection: { connectionStatus: 'open' } });
    await journal.append(event('a', 3, 'closed'));
    expect((await journal.loadAll()).map((s) => s.revision)).toEqual([3]);
  });
});
