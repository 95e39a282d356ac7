import type { DittoProtocolMessage } from './envelope.js';
import { placeholderContextOf, reconstructThingFromEvent } from './signal-views.js';

function msg(topic: string, path: string, value?: unknown, extra: Partial<DittoProtocolMessage> = {}): DittoProtocolMessage {
  return { topic, headers: {}, path, ...(value !== undefined ? { value: value as never } : {}), ...extra };
}

const THING = { thingId: 'org.acme:s-1', features: { temp: {}, hum: {} }, attributes: { a: 1 } };

describe('placeholderContextOf (placeholders.md §3)', () => {
  it('derives thing, entity, topic and resource of a feature property event', () => {
    expect(placeholderContextOf(msg('org.acme/s-1/things/twin/events/modified', '/features/temp/properties/v', 1, { revision: 2 }))).toEqual({
      thingId: 'org.acme:s-1',
      entityId: 'org.acme:s-1',
      featureId: 'temp',
      topic: 'org.acme/s-1/things/twin/events/modified',
      resource: { type: 'thing', path: '/features/temp/properties/v' },
    });
  });

  it.each([
    ['org.acme/s-1/things/twin/events/created', '/', THING, ['temp', 'hum']],
    ['org.acme/s-1/things/twin/events/modified', '/', THING, ['temp', 'hum']],
    ['org.acme/s-1/things/twin/commands/create', '/', THING, ['temp', 'hum']],
    ['org.acme/s-1/things/twin/commands/modify', '/', THING, ['temp', 'hum']],
    ['org.acme/s-1/things/twin/events/merged', '/', THING, null],
    ['org.acme/s-1/things/twin/events/deleted', '/', undefined, null],
    ['org.acme/s-1/things/twin/events/modified', '/', { thingId: 'org.acme:s-1' }, null],
    ['org.acme/s-1/things/twin/events/modified', '/features', { a: {}, b: {} }, ['a', 'b']],
    ['org.acme/s-1/things/twin/events/merged', '/features', { a: null }, ['a']],
    ['org.acme/s-1/things/twin/events/modified', '/attributes', { a: 1 }, null],
    ['org.acme/s-1/things/live/messages/hi', '/features/lamp/inbox/messages/hi', 'x', 'lamp'],
    ['org.acme/s-1/things/live/messages/hi', '/inbox/messages/hi', 'x', null],
  ])('feature ids of %s at %s', (topic, path, value, expected) => {
    expect(placeholderContextOf(msg(topic, path, value)).featureId).toEqual(expected);
  });

  it('includes the thing-level response of a create', () => {
    expect(placeholderContextOf(msg('org.acme/s-1/things/twin/commands/create', '/', THING, { status: 201 })).featureId).toEqual(['temp', 'hum']);
  });

  it('uses resource types message, policy and connection', () => {
    expect(placeholderContextOf(msg('org.acme/s-1/things/live/messages/hi', '/outbox/messages/hi', 'x')).resource).toEqual({
      type: 'message',
      path: '/outbox/messages/hi',
    });
    const policy = placeholderContextOf(msg('org.acme/p-1/policies/announcements/subjectDeletion', '/', {}));
    expect(policy).toMatchObject({ thingId: null, entityId: 'org.acme:p-1', resource: { type: 'policy', path: '/' } });
    const connection = placeholderContextOf(msg('_/conn-1/connections/announcements/opened', '/', {}));
    expect(connection).toMatchObject({ thingId: null, entityId: null, resource: { type: 'connection', path: '/' } });
  });

  it('adds extras, which win', () => {
    const context = placeholderContextOf(msg('a/b/things/twin/events/deleted', '/'), { connectionId: 'c', headers: { a: 'b' }, featureId: 'x' });
    expect(context).toMatchObject({ connectionId: 'c', headers: { a: 'b' }, featureId: 'x', thingId: 'a:b' });
  });

  it('yields nulls for messages it cannot understand', () => {
    expect(placeholderContextOf(msg('garbage', '/'))).toEqual({ thingId: null, entityId: null, featureId: null, topic: null, resource: null });
    expect(placeholderContextOf(msg('a/b/things/twin/events/modified', '/nope', 1))).toEqual({
      thingId: 'a:b',
      entityId: 'a:b',
      featureId: null,
      topic: 'a/b/things/twin/events/modified',
      resource: { type: 'thing', path: '/nope' },
    });
  });
});

describe('reconstructThingFromEvent (rql-and-topics.md §4.4)', () => {
  it('returns the full thing for thing-level events', () => {
    expect(reconstructThingFromEvent(msg('org.acme/s-1/things/twin/events/created', '/', THING))).toEqual(THING);
    expect(reconstructThingFromEvent(msg('org.acme/s-1/things/twin/events/modified', '/', { attributes: {} }))).toEqual({
      thingId: 'org.acme:s-1',
      attributes: {},
    });
  });

  it('returns only the changed resource at its path plus the thing id', () => {
    expect(reconstructThingFromEvent(msg('org.acme/s-1/things/twin/events/modified', '/attributes/a', 5))).toEqual({
      thingId: 'org.acme:s-1',
      attributes: { a: 5 },
    });
    expect(reconstructThingFromEvent(msg('org.acme/s-1/things/live/events/created', '/features/t/properties/x/y', true))).toEqual({
      thingId: 'org.acme:s-1',
      features: { t: { properties: { x: { y: true } } } },
    });
    expect(reconstructThingFromEvent(msg('org.acme/s-1/things/twin/events/merged', '/attributes', { a: null }))).toEqual({
      thingId: 'org.acme:s-1',
      attributes: { a: null },
    });
  });

  it('returns only the id for deletions', () => {
    expect(reconstructThingFromEvent(msg('org.acme/s-1/things/twin/events/deleted', '/attributes/a'))).toEqual({ thingId: 'org.acme:s-1' });
    expect(reconstructThingFromEvent(msg('org.acme/s-1/things/twin/events/deleted', '/'))).toEqual({ thingId: 'org.acme:s-1' });
  });

  it('returns an empty thing for other signals', () => {
    expect(reconstructThingFromEvent(msg('org.acme/s-1/things/live/commands/modify', '/attributes/a', 1))).toEqual({});
    expect(reconstructThingFromEvent(msg('org.acme/s-1/things/live/messages/hi', '/inbox/messages/hi', 1))).toEqual({});
    expect(reconstructThingFromEvent(msg('nonsense', '/'))).toEqual({});
  });

  it('keeps __proto__ keys of event values inert', () => {
    const value = JSON.parse('{"__proto__":{"polluted":true}}') as object;
    const thing = reconstructThingFromEvent(msg('a/b/things/twin/events/modified', '/attributes/__proto__', value));
    expect(Object.getPrototypeOf(thing['attributes'])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const full = reconstructThingFromEvent(msg('a/b/things/twin/events/modified', '/', value));
    expect(Object.getPrototypeOf(full)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
