import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { TwinEngine } from '../engine/twin-engine.js';
import { command, createTestThing, OWNER, run, THING_ID } from '../test-kit.js';
import { SqliteTwinStore } from './sqlite-twin-store.js';
import type { ThingRecord } from './twin-store.js';

function thingRecord(n: number, revision = 1): ThingRecord {
  const thingId = `org.acme:t${n}`;
  return { thingId, thing: { thingId, attributes: { revision } }, revision, created: 'c', modified: 'm', sizeBound: 0 };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('SqliteTwinStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'twins-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write across close and reopen, including deletions and revisions', async () => {
    const file = join(dir, 'data', 'twins.db');
    const first = new TwinEngine({ store: new SqliteTwinStore({ file }) });
    await createTestThing(first);
    await run(first, command('modify', '/attributes/location', 'garden'));
    await first.apply({ ...command('create', '/', {}), topic: 'org.acme/gone/things/twin/commands/create' }, [OWNER]);
    await first.apply({ ...command('delete', '/'), topic: 'org.acme/gone/things/twin/commands/delete' }, [OWNER]);
    await first.close();

    const second = new TwinEngine({ store: new SqliteTwinStore({ file, cacheSize: 1 }) });
    const read = await run(second, command('retrieve', '/', undefined, {}, { fields: 'attributes,_revision' }));
    expect(read.response.value).toEqual({ attributes: { location: 'garden' }, _revision: 2 });
    const gone = await second.apply({ ...command('retrieve', '/'), topic: 'org.acme/gone/things/twin/commands/retrieve' }, [OWNER]);
    expect(gone.response.status).toBe(404);
    const recreated = await second.apply({ ...command('create', '/', { policyId: 'org.acme:gone' }), topic: 'org.acme/gone/things/twin/commands/create' }, [OWNER]);
    expect(recreated.events[0]?.event.revision).toBe(3);
    await second.close();
  });

  it('commits many concurrent commands in fewer transactions, each resolving after its commit', async () => {
    const store = new SqliteTwinStore({ file: join(dir, 'twins.db') });
    const twins = new TwinEngine({ store });
    await createTestThing(twins);
    const before = store.stats();
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => run(twins, command('modify', '/attributes/counter', i))));
    expect(results.every((result) => result.response.status === 204 || result.response.status === 201)).toBe(true);
    const after = store.stats();
    expect(after.writes - before.writes).toBe(200);
    expect(after.transactions - before.transactions).toBeLessThan(10);
    expect(results.map((result) => result.events[0]?.event.revision)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    await twins.close();
    const reopened = new TwinEngine({ store: new SqliteTwinStore({ file: join(dir, 'twins.db') }) });
    expect((await reopened.retrievePartialThing(THING_ID, 'attributes/counter', [OWNER]))).toEqual({ attributes: { counter: 199 } });
    await reopened.close();
  });

  it('rejects the commands of a failed transaction with 503 and forgets their changes', async () => {
    const store = new SqliteTwinStore({ file: join(dir, 'twins.db') });
    const twins = new TwinEngine({ store });
    await createTestThing(twins);
    (store as unknown as { commit: () => void }).commit = () => {
      throw new Error('disk full');
    };
    const failed = await run(twins, command('modify', '/attributes/location', 'attic'));
    expect(failed.response.status).toBe(503);
    expect((failed.response.value as { error: string }).error).toBe('things:thing.unavailable');
    expect(await twins.retrievePartialThing(THING_ID, 'attributes/location', [OWNER])).toEqual({ attributes: { location: 'kitchen' } });
  });

  it('sends the writes arriving while a commit is in flight as one next batch', async () => {
    const file = join(dir, 'twins.db');
    const store = new SqliteTwinStore({ file });
    // Holding the write lock keeps the writer's first commit in flight for as long as the test needs.
    const blocker = new Database(file);
    blocker.exec('BEGIN IMMEDIATE');
    const written = [store.write({ thing: thingRecord(0) })];
    for (let n = 1; n < 1000; n++) {
      await nextTurn();
      written.push(store.write({ thing: thingRecord(n) }));
    }
    blocker.exec('COMMIT');
    blocker.close();
    await Promise.all(written);
    expect(store.stats()).toEqual({ writes: 1000, transactions: 2 });
    await store.close();
  });

  it('writes only the last record of a thing written repeatedly in one batch, resolving every write', async () => {
    const file = join(dir, 'twins.db');
    const store = new SqliteTwinStore({ file });
    const observer = new Database(file);
    observer.exec(`CREATE TABLE row_writes (thing_id TEXT);
      CREATE TRIGGER thing_inserted AFTER INSERT ON things BEGIN INSERT INTO row_writes VALUES (new.thing_id); END;
      CREATE TRIGGER thing_updated AFTER UPDATE ON things BEGIN INSERT INTO row_writes VALUES (new.thing_id); END;`);
    const written = Array.from({ length: 100 }, (_, i) => store.write({ thing: thingRecord(1, i + 1) }));
    written.push(store.write({ thing: thingRecord(2) }));
    expect(store.thing('org.acme:t1')?.revision).toBe(100);
    await Promise.all(written);
    expect(store.stats()).toEqual({ writes: 101, transactions: 1 });
    expect(observer.prepare('SELECT thing_id FROM row_writes ORDER BY thing_id').pluck().all()).toEqual(['org.acme:t1', 'org.acme:t2']);
    expect(observer.prepare("SELECT revision FROM things WHERE thing_id = 'org.acme:t1'").pluck().get()).toBe(100);
    observer.close();
    await store.close();
  });

  it('commits every pending write before close() resolves', async () => {
    const file = join(dir, 'twins.db');
    const store = new SqliteTwinStore({ file });
    const written: Promise<void>[] = [];
    for (let n = 0; n < 500; n++) {
      written.push(store.write({ thing: thingRecord(n) }));
      if (n % 50 === 0) await nextTurn();
    }
    await store.close();
    await Promise.all(written);

    const reopened = new SqliteTwinStore({ file, cacheSize: 1 });
    for (let n = 0; n < 500; n++) expect(reopened.thing(`org.acme:t${n}`)?.thing).toEqual(thingRecord(n).thing);
    await reopened.close();
  });

  it('rejects a write after close', async () => {
    const store = new SqliteTwinStore({ file: join(dir, 'twins.db') });
    await store.close();
    await expect(store.write({ thing: thingRecord(1) })).rejects.toThrow('The twin store is closed.');
    expect(store.stats().writes).toBe(0);
  });

  it('has every acknowledged write in the file, readable by another store without a close', async () => {
    const file = join(dir, 'twins.db');
    const store = new SqliteTwinStore({ file });
    for (let n = 0; n < 100; n++) {
      if (n % 10 === 0) await store.write({ thing: thingRecord(n) });
      else void store.write({ thing: thingRecord(n) });
    }
    await store.write({ thing: thingRecord(100) });
    // As after a crash: a fresh store knows nothing the first one holds in memory.
    const other = new SqliteTwinStore({ file, cacheSize: 1 });
    for (let n = 0; n <= 100; n++) expect(other.thing(`org.acme:t${n}`)?.revision).toBe(1);
    await other.close();
    await store.close();
  });

  it('rejects the pending and later writes, instead of hanging, when the writer thread dies', async () => {
    const store = new SqliteTwinStore({ file: join(dir, 'twins.db') });
    await store.write({ thing: thingRecord(1) });
    const pending = store.write({ thing: thingRecord(1, 2) });
    void (store as unknown as { writer: { worker: Worker } }).writer.worker.terminate();
    await expect(pending).rejects.toThrow(/writer thread stopped/);
    await expect(store.write({ thing: thingRecord(2) })).rejects.toThrow(/writer thread stopped/);
    expect(store.thing('org.acme:t1')?.revision).toBe(1);
    expect(store.thing('org.acme:t2')).toBeUndefined();
    await store.close();
  });

  it('rejects the writes of a batch the writer thread fails to commit', async () => {
    const file = join(dir, 'twins.db');
    const store = new SqliteTwinStore({ file });
    await store.write({ thing: thingRecord(1) });
    const saboteur = new Database(file);
    saboteur.exec('DROP TABLE things');
    saboteur.close();
    await expect(store.write({ thing: thingRecord(1, 2) })).rejects.toMatchObject({ message: 'no such table: things', code: 'SQLITE_ERROR' });
    expect(store.thing('org.acme:t1')?.revision).toBe(1);
    await store.close();
  });

  it('refuses a file of a newer schema version when constructed', () => {
    const file = join(dir, 'twins.db');
    const newer = new Database(file);
    newer.pragma('user_version = 99');
    newer.close();
    expect(() => new SqliteTwinStore({ file })).toThrow(/has schema version 99/);
  });
});
