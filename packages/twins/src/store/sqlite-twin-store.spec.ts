import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TwinEngine } from '../engine/twin-engine.js';
import { command, createTestThing, OWNER, run, THING_ID } from '../test-kit.js';
import { SqliteTwinStore } from './sqlite-twin-store.js';

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
});
