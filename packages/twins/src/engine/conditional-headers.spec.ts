import { command, createTestThing, run } from '../test-kit.js';
import { TwinEngine } from './twin-engine.js';

function errorOf(value: unknown): string {
  return (value as { error: string }).error;
}

async function engineWithThing(options: ConstructorParameters<typeof TwinEngine>[0] = {}): Promise<TwinEngine> {
  const twins = new TwinEngine(options);
  await createTestThing(twins);
  return twins;
}

describe('conditional headers (protocol.md §3)', () => {
  it('if-match on the thing revision: applies when it matches, 412 otherwise', async () => {
    const twins = await engineWithThing();
    expect((await run(twins, command('modify', '/', { attributes: { a: 1 } }, { 'if-match': '"rev:1"' }))).response.status).toBe(204);
    // Sub-resources are tagged by value hash, not by the thing revision (Ditto's ETag rules).
    expect((await run(twins, command('modify', '/attributes/a', 2, { 'if-match': '"rev:2"' }))).response.status).toBe(412);
    const stale = await run(twins, command('modify', '/', {}, { 'if-match': '"rev:1"' }));
    expect(stale.response.status).toBe(412);
    expect(errorOf(stale.response.value)).toBe('things:precondition.failed');
    expect((await run(twins, command('modify', '/', {}, { 'if-match': '"rev:2"' }))).response.status).toBe(204);
  });

  it('if-match * needs the resource to exist; if-none-match * only creates', async () => {
    const twins = await engineWithThing();
    expect((await run(twins, command('modify', '/attributes/new', 1, { 'if-match': '*' }))).response.status).toBe(412);
    expect((await run(twins, command('modify', '/attributes/new', 1, { 'if-none-match': '*' }))).response.status).toBe(201);
    expect((await run(twins, command('modify', '/attributes/new', 2, { 'if-none-match': '*' }))).response.status).toBe(412);
    expect((await run(twins, command('create', '/', {}, { 'if-match': '*' }, { topic: 'org.acme/fresh/things/twin/commands/create' }))).response.status).toBe(412);
  });

  it('sub-resources carry a value hash; a matching if-none-match on a read is 304', async () => {
    const twins = await engineWithThing();
    const first = await run(twins, command('retrieve', '/attributes/location', undefined, { 'if-none-match': '*' }));
    expect(first.response.status).toBe(304);
    expect(errorOf(first.response.value)).toBe('things:precondition.notmodified');
    const failed = await run(twins, command('retrieve', '/attributes/location', undefined, { 'if-match': '"hash:0"' }));
    const actual = /actual entity-tag: '([^']+)'/.exec((failed.response.value as { message: string }).message)?.[1] as string;
    expect(actual).toMatch(/^"hash:[0-9a-f]+"$/);
    // An unrelated change keeps the tag of the attribute.
    await run(twins, command('modify', '/attributes/other', 1));
    expect((await run(twins, command('retrieve', '/attributes/location', undefined, { 'if-match': actual }))).response.status).toBe(200);
  });

  it('if-equal skip answers 304 for a no-op modify or merge and applies real changes', async () => {
    const twins = await engineWithThing();
    const same = await run(twins, command('modify', '/attributes/location', 'kitchen', { 'if-equal': 'skip' }));
    expect(same.response.status).toBe(304);
    expect(same.events).toEqual([]);
    expect((await run(twins, command('merge', '/attributes', { location: 'kitchen' }, { 'if-equal': 'skip' }))).response.status).toBe(304);
    expect((await run(twins, command('modify', '/attributes/location', 'hall', { 'if-equal': 'skip' }))).response.status).toBe(204);
    expect((await run(twins, command('modify', '/attributes/location', 'hall'))).response.status).toBe(204);
  });

  it('if-equal skip-minimizing-merge reduces the merge patch in the event to what changed', async () => {
    const twins = await engineWithThing();
    const { response, events } = await run(twins, command('merge', '/', { attributes: { location: 'kitchen', floor: 2 } }, { 'if-equal': 'skip-minimizing-merge' }));
    expect(response.status).toBe(204);
    expect(events[0]?.event.value).toEqual({ attributes: { floor: 2 } });
  });

  it('condition: applies when the RQL holds, 412 when not, 400 when invalid, 412 when unreadable', async () => {
    const twins = await engineWithThing();
    expect((await run(twins, command('modify', '/features/temp/properties/value', 23, { condition: 'lt(features/temp/properties/value,22)' }))).response.status).toBe(204);
    const failed = await run(twins, command('modify', '/features/temp/properties/value', 24, { condition: 'lt(features/temp/properties/value,22)' }));
    expect(errorOf(failed.response.value)).toBe('things:condition.failed');
    expect((await run(twins, command('modify', '/attributes/a', 1, { condition: 'eq(_revision,2)' }))).response.status).toBe(201);
    expect((await run(twins, command('modify', '/attributes/a', 1, { condition: 'eq(attributes/a' }))).response.status).toBe(400);
  });
});

describe('size limit', () => {
  it('rejects a thing above the limit with 413 things:thing.toolarge and keeps the old state', async () => {
    const twins = await engineWithThing({ maxThingSize: 2048 });
    const big = 'x'.repeat(2100);
    const rejected = await run(twins, command('modify', '/attributes/blob', big));
    expect(rejected.response.status).toBe(413);
    expect(errorOf(rejected.response.value)).toBe('things:thing.toolarge');
    expect((await run(twins, command('create', '/', { attributes: { big } }, {}, { topic: 'org.acme/big/things/twin/commands/create' }))).response.status).toBe(413);
    expect((await run(twins, command('retrieve', '/attributes/blob'))).response.status).toBe(404);
  });

  it('accepts many small modifies that replace each other even when their sum exceeds the limit', async () => {
    const twins = await engineWithThing({ maxThingSize: 2048 });
    for (let i = 0; i < 40; i++) {
      expect((await run(twins, command('modify', '/attributes/blob', 'y'.repeat(100 + i)))).response.status).toBeLessThan(300);
    }
  });

  it('uses the default of 100 kB', async () => {
    const twins = await engineWithThing();
    expect((await run(twins, command('modify', '/attributes/blob', 'z'.repeat(101 * 1024)))).response.status).toBe(413);
    expect((await run(twins, command('modify', '/attributes/blob', 'z'.repeat(99 * 1024)))).response.status).toBe(201);
  });
});
