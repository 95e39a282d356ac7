import { classifySignal } from './classify-signal.js';
import { decideTwinCommand, twinCommandOutcome } from './command-rules.js';
import type { DittoProtocolMessage } from './envelope.js';
import type { ThingCommandSignal } from './signal.js';

const THING = { thingId: 'org.acme:sensor-1', attributes: { location: 'kitchen' } };

function command(action: string, path: string, value?: unknown): [DittoProtocolMessage, ThingCommandSignal] {
  const message: DittoProtocolMessage = {
    topic: `org.acme/sensor-1/things/twin/commands/${action}`,
    headers: { 'correlation-id': 'c-1', 'x-other': 'dropped', ...(action === 'merge' ? { 'content-type': 'application/merge-patch+json' } : {}) },
    path,
    ...(value !== undefined ? { value: value as never } : {}),
  };
  return [message, classifySignal(message) as ThingCommandSignal];
}

const EXISTS = { thingExists: true, resourceExists: true };
const RESOURCE_ABSENT = { thingExists: true, resourceExists: false };
const THING_ABSENT = { thingExists: false, resourceExists: false };

describe('twin command rules (protocol.md §5)', () => {
  it('create thing, new → 201 with the thing, event created', () => {
    const outcome = twinCommandOutcome(...command('create', '/', THING), THING_ABSENT, { revision: 1, timestamp: 't' });
    expect(outcome.response).toEqual({ topic: 'org.acme/sensor-1/things/twin/commands/create', headers: { 'correlation-id': 'c-1' }, path: '/', value: THING, status: 201 });
    expect(outcome.event).toEqual({ topic: 'org.acme/sensor-1/things/twin/events/created', headers: { 'correlation-id': 'c-1' }, path: '/', value: THING, revision: 1, timestamp: 't' });
  });

  it('create thing, exists → 409 things:thing.conflict error response, no event', () => {
    const outcome = twinCommandOutcome(...command('create', '/', THING), EXISTS);
    expect(outcome.status).toBe(409);
    expect(outcome.event).toBeUndefined();
    expect(outcome.response).toEqual({
      topic: 'org.acme/sensor-1/things/twin/errors',
      headers: { 'correlation-id': 'c-1' },
      path: '/',
      value: { status: 409, error: 'things:thing.conflict', message: "The Thing with ID 'org.acme:sensor-1' already exists", description: 'Choose another Thing ID' },
      status: 409,
    });
  });

  it('modify thing, exists → 204, event modified with the thing', () => {
    const outcome = twinCommandOutcome(...command('modify', '/', THING), EXISTS);
    expect(outcome.response).toEqual({ topic: 'org.acme/sensor-1/things/twin/commands/modify', headers: { 'correlation-id': 'c-1' }, path: '/', status: 204 });
    expect(outcome.event).toMatchObject({ topic: 'org.acme/sensor-1/things/twin/events/modified', value: THING });
  });

  it('modify thing, absent → 201 with the thing, event created', () => {
    const outcome = twinCommandOutcome(...command('modify', '/', THING), THING_ABSENT);
    expect(outcome.response).toMatchObject({ status: 201, value: THING });
    expect(outcome.eventAction).toBe('created');
  });

  it('modify sub-resource, exists → 204, event modified with the new value', () => {
    const outcome = twinCommandOutcome(...command('modify', '/attributes/location', 'hall'), EXISTS);
    expect(outcome.response).toEqual({ topic: 'org.acme/sensor-1/things/twin/commands/modify', headers: { 'correlation-id': 'c-1' }, path: '/attributes/location', status: 204 });
    expect(outcome.event).toEqual({ topic: 'org.acme/sensor-1/things/twin/events/modified', headers: { 'correlation-id': 'c-1' }, path: '/attributes/location', value: 'hall' });
  });

  it('modify sub-resource, absent in an existing thing → 201 with the value, event created (spec example)', () => {
    const outcome = twinCommandOutcome(...command('modify', '/attributes/location', 'kitchen'), RESOURCE_ABSENT, {
      revision: 7,
      timestamp: '2024-01-06T14:23:42.123Z',
    });
    expect(outcome.response).toMatchObject({ status: 201, value: 'kitchen' });
    expect(outcome.event).toEqual({
      topic: 'org.acme/sensor-1/things/twin/events/created',
      headers: { 'correlation-id': 'c-1' },
      path: '/attributes/location',
      value: 'kitchen',
      revision: 7,
      timestamp: '2024-01-06T14:23:42.123Z',
    });
  });

  it.each(['/attributes/location', '/features/f', '/features/f/properties/p', '/definition', '/policyId'])(
    'modify %s of an absent thing → 404 things:thing.notfound, no event',
    (path) => {
      const outcome = twinCommandOutcome(...command('modify', path, path === '/features/f' ? {} : 'ns:x'), THING_ABSENT);
      expect(outcome.status).toBe(404);
      expect(outcome.error?.error).toBe('things:thing.notfound');
      expect(outcome.error?.message).toBe(
        "The Thing with ID 'org.acme:sensor-1' could not be found or requester had insufficient permissions to access it.",
      );
      expect(outcome.response.topic).toBe('org.acme/sensor-1/things/twin/errors');
      expect(outcome.event).toBeUndefined();
    },
  );

  it('modify /policyId → always 204 modified, never created', () => {
    for (const state of [EXISTS, RESOURCE_ABSENT]) {
      const outcome = twinCommandOutcome(...command('modify', '/policyId', 'org.acme:p'), state);
      expect(outcome.status).toBe(204);
      expect(outcome.event).toMatchObject({ topic: 'org.acme/sensor-1/things/twin/events/modified', value: 'org.acme:p' });
    }
  });

  it('merge → 204, event merged carrying the patch with nulls', () => {
    const patch = { attributes: { location: null, floor: 2 } };
    for (const state of [EXISTS, RESOURCE_ABSENT]) {
      const outcome = twinCommandOutcome(...command('merge', '/', patch), state);
      expect(outcome.response).toEqual({ topic: 'org.acme/sensor-1/things/twin/commands/merge', headers: { 'correlation-id': 'c-1' }, path: '/', status: 204 });
      expect(outcome.event).toMatchObject({ topic: 'org.acme/sensor-1/things/twin/events/merged', path: '/', value: patch });
    }
    expect(twinCommandOutcome(...command('merge', '/attributes/a', null), RESOURCE_ABSENT).event).toMatchObject({ path: '/attributes/a', value: null });
  });

  it('merge at / creating the thing → 201; merge below / of an absent thing → 404', () => {
    expect(decideTwinCommand(command('merge', '/', THING)[1], THING_ABSENT)).toEqual({ status: 201, responseHasValue: false, eventAction: 'merged' });
    expect(decideTwinCommand(command('merge', '/attributes', {})[1], THING_ABSENT).error?.error).toBe('things:thing.notfound');
  });

  it('delete existing thing/resource → 204, event deleted without value', () => {
    for (const path of ['/', '/attributes/location', '/features/f']) {
      const outcome = twinCommandOutcome(...command('delete', path), EXISTS);
      expect(outcome.response).toMatchObject({ status: 204 });
      expect(outcome.event).toEqual({ topic: 'org.acme/sensor-1/things/twin/events/deleted', headers: { 'correlation-id': 'c-1' }, path });
    }
  });

  it.each([
    ['/attributes', 'things:attributes.notfound', "The Attributes of the Thing with ID 'org.acme:sensor-1' could not be found"],
    ['/attributes/a/b', 'things:attribute.notfound', "The attribute with key '/a/b' on the thing with ID 'org.acme:sensor-1'"],
    ['/features', 'things:features.notfound', "The Features on the Thing with ID 'org.acme:sensor-1' do not exist"],
    ['/features/f', 'things:feature.notfound', "The Feature with ID 'f' on the Thing with ID 'org.acme:sensor-1'"],
    ['/features/f/definition', 'things:feature.definition.notfound', "The Definition of the Feature with ID 'f'"],
    ['/features/f/properties', 'things:feature.properties.notfound', "The Properties of the Feature with ID 'f'"],
    ['/features/f/properties/p', 'things:feature.property.notfound', "The Property with JSON Pointer '/p' of the Feature with ID 'f'"],
    ['/features/f/desiredProperties', 'things:feature.desiredProperties.notfound', "The desired properties of the Feature with ID 'f'"],
    ['/features/f/desiredProperties/p', 'things:feature.desiredProperty.notfound', "The desired property with JSON Pointer '/p'"],
    ['/definition', 'things:definition.notfound', 'The Definition of the Thing with ID <org.acme:sensor-1>'],
  ])('delete/retrieve of absent %s → 404 %s', (path, code, message) => {
    for (const action of ['delete', 'retrieve']) {
      const outcome = twinCommandOutcome(...command(action, path), RESOURCE_ABSENT);
      expect(outcome).toMatchObject({ status: 404, error: { error: code } });
      expect(outcome.error?.message).toContain(message);
      expect(outcome.event).toBeUndefined();
    }
  });

  it('delete/retrieve in an absent thing → 404 things:thing.notfound', () => {
    for (const action of ['delete', 'retrieve']) {
      for (const path of ['/', '/attributes/a']) {
        expect(twinCommandOutcome(...command(action, path), THING_ABSENT).error?.error).toBe('things:thing.notfound');
      }
    }
  });

  it('retrieve found → 200 with the (filtered) current value, no event', () => {
    const outcome = twinCommandOutcome(...command('retrieve', '/attributes'), { ...EXISTS, currentValue: { location: 'kitchen' } });
    expect(outcome.response).toEqual({
      topic: 'org.acme/sensor-1/things/twin/commands/retrieve',
      headers: { 'correlation-id': 'c-1' },
      path: '/attributes',
      value: { location: 'kitchen' },
      status: 200,
    });
    expect(outcome.event).toBeUndefined();
  });

  it('migrate → 200 with a migrated event, 404 for an absent thing', () => {
    const [message, signal] = command('migrate', '/', { thingDefinitionUrl: 'https://x' });
    expect(twinCommandOutcome(message, signal, EXISTS)).toMatchObject({ status: 200, event: { topic: 'org.acme/sensor-1/things/twin/events/migrated' } });
    expect(decideTwinCommand(signal, THING_ABSENT).status).toBe(404);
  });

  it('omits headers without correlation id', () => {
    const message: DittoProtocolMessage = { topic: 'a/b/things/twin/commands/delete', headers: {}, path: '/' };
    expect(twinCommandOutcome(message, classifySignal(message) as ThingCommandSignal, EXISTS).response.headers).toEqual({});
  });
});
