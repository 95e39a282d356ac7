import type { JsonValue } from '@twinlink/core';
import { command, createTestThing, OWNER, run, THING_ID } from '../test-kit.js';
import { TwinEngine } from './twin-engine.js';

const CLOCK = () => new Date('2024-01-06T14:23:42.123Z');

function engine(): TwinEngine {
  return new TwinEngine({ clock: CLOCK });
}

describe('thing-level rows of protocol.md §5', () => {
  it('create thing (new): 201 with the created thing, event created with revision 1', async () => {
    const twins = engine();
    const { response, events } = await createTestThing(twins);
    expect(response).toEqual({
      topic: 'org.acme/sensor-1/things/twin/commands/create',
      headers: { 'correlation-id': 'c-1' },
      path: '/',
      value: { thingId: THING_ID, policyId: THING_ID, attributes: { location: 'kitchen' }, features: { temp: { properties: { value: 20 } } } },
      status: 201,
    });
    expect(events).toHaveLength(1);
    expect(events[0]?.event).toMatchObject({ topic: 'org.acme/sensor-1/things/twin/events/created', path: '/', revision: 1, timestamp: '2024-01-06T14:23:42.123Z' });
    expect((events[0]?.event.value as { thingId: string }).thingId).toBe(THING_ID);
  });

  it('create thing (exists): 409 things:thing.conflict, no event', async () => {
    const twins = engine();
    await createTestThing(twins);
    const { response, events } = await createTestThing(twins);
    expect(response.status).toBe(409);
    expect(response.topic).toBe('org.acme/sensor-1/things/twin/errors');
    expect((response.value as { error: string }).error).toBe('things:thing.conflict');
    expect(events).toEqual([]);
  });

  it('modify thing: 201 created when absent, 204 modified when present', async () => {
    const twins = engine();
    const first = await run(twins, command('modify', '/', { attributes: { a: 1 } }));
    expect(first.response.status).toBe(201);
    expect(first.events[0]?.event.topic).toBe('org.acme/sensor-1/things/twin/events/created');
    const second = await run(twins, command('modify', '/', { attributes: { a: 2 } }));
    expect(second.response.status).toBe(204);
    expect(second.response.value).toBeUndefined();
    expect(second.events[0]?.event).toMatchObject({ topic: 'org.acme/sensor-1/things/twin/events/modified', revision: 2 });
    expect(second.events[0]?.event.value).toEqual({ thingId: THING_ID, policyId: THING_ID, attributes: { a: 2 } });
  });

  it('merge thing: 201 when it creates the thing, 204 after; the event carries the patch', async () => {
    const twins = engine();
    const created = await run(twins, command('merge', '/', { attributes: { a: 1 } }));
    expect(created.response.status).toBe(201);
    expect(created.events[0]?.event).toMatchObject({ topic: 'org.acme/sensor-1/things/twin/events/merged', value: { attributes: { a: 1 } } });
    const merged = await run(twins, command('merge', '/', { attributes: { a: null, b: { c: 1 } } }));
    expect(merged.response.status).toBe(204);
    expect(merged.events[0]?.event.value).toEqual({ attributes: { a: null, b: { c: 1 } } });
    const read = await run(twins, command('retrieve', '/attributes'));
    expect(read.response.value).toEqual({ b: { c: 1 } });
  });

  it('delete thing: 204 and deleted event; then 404; re-creation continues the revision', async () => {
    const twins = engine();
    await createTestThing(twins);
    const deleted = await run(twins, command('delete', '/'));
    expect(deleted.response.status).toBe(204);
    expect(deleted.events[0]?.event).toMatchObject({ topic: 'org.acme/sensor-1/things/twin/events/deleted', revision: 2 });
    expect(deleted.events[0]?.event.value).toBeUndefined();
    const again = await run(twins, command('delete', '/'));
    expect((again.response.value as { error: string }).error).toBe('things:thing.notfound');
    // The default policy outlives the thing (as in Ditto): use it explicitly to re-create.
    const recreated = await run(twins, command('create', '/', { policyId: THING_ID }));
    expect(recreated.events[0]?.event.revision).toBe(3);
  });

  it('retrieve thing: 200 with the thing; fields select parts and special fields', async () => {
    const twins = engine();
    await createTestThing(twins);
    const all = await run(twins, command('retrieve', '/'));
    expect(all.response.status).toBe(200);
    expect(all.events).toEqual([]);
    const some = await run(twins, command('retrieve', '/', undefined, {}, { fields: 'thingId,attributes(location),_revision,_modified' }));
    expect(some.response.value).toEqual({ thingId: THING_ID, attributes: { location: 'kitchen' }, _revision: 1, _modified: '2024-01-06T14:23:42.123Z' });
  });

  it('modify of a sub-resource of an absent thing: 404 things:thing.notfound', async () => {
    const { response } = await run(engine(), command('modify', '/attributes/x', 1));
    expect(response.status).toBe(404);
    expect((response.value as { error: string }).error).toBe('things:thing.notfound');
  });
});

interface ResourceRow {
  readonly path: string;
  readonly value: JsonValue;
  readonly existsInitially: boolean;
  readonly notFound: string;
}

const ROWS: ResourceRow[] = [
  { path: '/definition', value: 'org.acme:model:1.0', existsInitially: false, notFound: 'things:definition.notfound' },
  { path: '/attributes', value: { a: 1 }, existsInitially: true, notFound: 'things:attributes.notfound' },
  { path: '/attributes/serial', value: 'X-1', existsInitially: false, notFound: 'things:attribute.notfound' },
  { path: '/attributes/location', value: 'garden', existsInitially: true, notFound: 'things:attribute.notfound' },
  { path: '/features', value: { lamp: {} }, existsInitially: true, notFound: 'things:features.notfound' },
  { path: '/features/lamp', value: { properties: { on: true } }, existsInitially: false, notFound: 'things:feature.notfound' },
  { path: '/features/temp/definition', value: ['org.acme:temp:1.0'], existsInitially: false, notFound: 'things:feature.definition.notfound' },
  { path: '/features/temp/properties', value: { value: 21 }, existsInitially: true, notFound: 'things:feature.properties.notfound' },
  { path: '/features/temp/properties/value', value: 22, existsInitially: true, notFound: 'things:feature.property.notfound' },
  { path: '/features/temp/properties/nested/deep', value: 1, existsInitially: false, notFound: 'things:feature.property.notfound' },
  { path: '/features/temp/desiredProperties', value: { value: 25 }, existsInitially: false, notFound: 'things:feature.desiredProperties.notfound' },
  { path: '/features/temp/desiredProperties/value', value: 25, existsInitially: false, notFound: 'things:feature.desiredProperty.notfound' },
];

describe.each(ROWS)('sub-resource $path', ({ path, value, existsInitially, notFound }) => {
  it('modify: 201/created when absent, 204/modified when present, with revisions', async () => {
    const twins = engine();
    await createTestThing(twins);
    const first = await run(twins, command('modify', path, value));
    expect(first.response.status).toBe(existsInitially ? 204 : 201);
    if (!existsInitially) expect(first.response.value).toEqual(value);
    expect(first.events[0]?.event).toMatchObject({ topic: `org.acme/sensor-1/things/twin/events/${existsInitially ? 'modified' : 'created'}`, path, value, revision: 2 });
    const second = await run(twins, command('modify', path, value));
    expect(second.response.status).toBe(204);
    expect(second.events[0]?.event).toMatchObject({ topic: 'org.acme/sensor-1/things/twin/events/modified', revision: 3 });
    const read = await run(twins, command('retrieve', path));
    expect(read.response).toMatchObject({ status: 200, value, path });
  });

  it('merge: 204 and merged event with the patch', async () => {
    const twins = engine();
    await createTestThing(twins);
    const { response, events } = await run(twins, command('merge', path, value));
    expect(response.status).toBe(204);
    expect(events[0]?.event).toMatchObject({ topic: 'org.acme/sensor-1/things/twin/events/merged', path, value });
  });

  it('delete: 204/deleted when present, 404 with the resource error when absent', async () => {
    const twins = engine();
    await createTestThing(twins);
    if (!existsInitially) await run(twins, command('modify', path, value));
    const deleted = await run(twins, command('delete', path));
    expect(deleted.response.status).toBe(204);
    expect(deleted.events[0]?.event.topic).toBe('org.acme/sensor-1/things/twin/events/deleted');
    const again = await run(twins, command('delete', path));
    expect(again.response.status).toBe(404);
    expect((again.response.value as { error: string }).error).toBe(notFound);
    const read = await run(twins, command('retrieve', path));
    expect((read.response.value as { error: string }).error).toBe(notFound);
  });
});

describe('policyId and other rules', () => {
  it('modify /policyId is always 204 modified (no created variant); delete /policyId is not available', async () => {
    const twins = engine();
    await createTestThing(twins);
    await run(twins, command('create', '/', { policyId: THING_ID }, {}, { topic: 'org.acme/other/things/twin/commands/create' }));
    const { response, events } = await run(twins, command('modify', '/policyId', THING_ID));
    expect(response.status).toBe(204);
    expect(events[0]?.event.topic).toBe('org.acme/sensor-1/things/twin/events/modified');
    const deleting = await run(twins, command('delete', '/policyId'));
    expect(deleting.response.status).toBe(400);
  });

  it('rejects a modify to a policy that does not exist', async () => {
    const twins = engine();
    await createTestThing(twins);
    const { response } = await run(twins, command('modify', '/policyId', 'org.acme:missing'));
    expect((response.value as { error: string }).error).toBe('policies:policy.notfound');
  });

  it('rejects a thingId in the body that differs from the topic', async () => {
    const { response } = await run(engine(), command('create', '/', { thingId: 'org.acme:other' }));
    expect((response.value as { error: string }).error).toBe('things:id.notsettable');
  });

  it('rejects invalid feature structures and invalid JSON without changing anything', async () => {
    const twins = engine();
    await createTestThing(twins);
    const bad = await run(twins, command('merge', '/features', { temp: 5 }));
    expect(bad.response.status).toBe(400);
    const garbage = await twins.apply('{not json', [OWNER]);
    expect((garbage.response.value as { error: string }).error).toBe('json.invalid');
    const read = await run(twins, command('retrieve', '/', undefined, {}, { fields: '_revision' }));
    expect(read.response.value).toEqual({ _revision: 1 });
  });

  it('answers live commands and unknown signals with errors', async () => {
    const twins = engine();
    const live = await twins.apply({ ...command('retrieve', '/'), topic: 'org.acme/sensor-1/things/live/commands/retrieve' }, [OWNER]);
    expect(live.response.status).toBe(400);
    const event = await twins.apply({ ...command('retrieve', '/'), topic: 'org.acme/sensor-1/things/twin/events/modified', value: {} }, [OWNER]);
    expect(event.response.status).toBe(400);
  });

  it('retrieves several things, leaving out absent and unreadable ones', async () => {
    const twins = engine();
    await createTestThing(twins);
    const { response } = await twins.apply({ topic: 'org.acme/_/things/twin/commands/retrieve', headers: {}, path: '/', value: { thingIds: [THING_ID, 'org.acme:nope'] }, fields: 'thingId' }, [OWNER]);
    expect(response).toMatchObject({ status: 200, value: [{ thingId: THING_ID }] });
  });

  it('keeps all command headers on responses and events', async () => {
    const twins = engine();
    const { response, events } = await createTestThing(twins);
    const headers = { 'correlation-id': 'c-1' };
    expect(response.headers).toEqual(headers);
    const withOrigin = await run(twins, command('modify', '/attributes/x', 1, { 'ditto-origin': 'conn-1', 'requested-acks': ['twin-persisted'] }));
    expect(withOrigin.events[0]?.event.headers).toMatchObject({ 'ditto-origin': 'conn-1', 'requested-acks': ['twin-persisted'] });
    expect(events[0]?.event.headers).toEqual(headers);
  });
});
