import type { DittoProtocolMessage } from '../protocol/envelope.js';
import { createMapperRegistry } from './built-in-mappers.js';
import type { JsonObject } from '../json/json-value.js';

const context = { mapperId: 'n', connectionId: 'c', authorizationSubjects: [], now: 0 };
const normalized = (options: JsonObject = {}) => {
  const loaded = createMapperRegistry().load({ mappingEngine: 'Normalized', options }, context);
  if (!loaded.ok) throw loaded.error;
  return loaded.mapper;
};
const event = (action: string, path: string, value?: unknown, extra: Partial<DittoProtocolMessage> = {}): DittoProtocolMessage => ({
  topic: `org.acme/s1/things/twin/events/${action}`,
  headers: { 'correlation-id': 'c-1' },
  path,
  ...(value === undefined ? {} : { value: value as never }),
  revision: 7,
  timestamp: '2024-01-06T14:23:42.123Z',
  ...extra,
});
const outputOf = async (mapper: ReturnType<typeof normalized>, message: DittoProtocolMessage) => {
  const messages = await mapper.mapOutbound(message, context);
  return messages.map((m) => ({ ...m, json: JSON.parse(m.textPayload ?? 'null') as JsonObject }));
};

describe('Normalized mapper', () => {
  it('places a sub-resource value at its path with _modified, _revision and _context', async () => {
    const [out] = await outputOf(normalized(), event('modified', '/features/s/properties/t', 42));
    expect(out?.contentType).toBe('application/json');
    expect(out?.headers).toEqual({ 'content-type': 'application/json' });
    expect(out?.json).toEqual({
      thingId: 'org.acme:s1',
      features: { s: { properties: { t: 42 } } },
      _modified: '2024-01-06T14:23:42.123Z',
      _revision: 7,
      _context: { topic: 'org.acme/s1/things/twin/events/modified', path: '/features/s/properties/t', value: 42, headers: { 'correlation-id': 'c-1' } },
    });
  });

  it('copies the fields of a whole-thing event, merges extra (the event wins) and applies the field selector last', async () => {
    const created = event('created', '/', { thingId: 'org.acme:s1', attributes: { a: 1 } }, { extra: { attributes: { a: 0, location: 'kitchen' } } });
    expect((await outputOf(normalized(), created))[0]?.json).toMatchObject({ attributes: { a: 1, location: 'kitchen' } });
    const [selected] = await outputOf(normalized({ fields: 'thingId,attributes(location),_modified' }), created);
    expect(selected?.json).toEqual({ thingId: 'org.acme:s1', attributes: { location: 'kitchen' }, _modified: '2024-01-06T14:23:42.123Z' });
  });

  it('marks whole-thing deletions with _deleted and drops sub-resource deletions unless includeDeletedFields', async () => {
    const [deleted] = await outputOf(normalized(), event('deleted', '/'));
    expect(deleted?.json).toMatchObject({ thingId: 'org.acme:s1', _deleted: '2024-01-06T14:23:42.123Z' });
    expect(await outputOf(normalized(), event('deleted', '/attributes/a'))).toEqual([]);
    const [partial] = await outputOf(normalized({ includeDeletedFields: 'true' }), event('deleted', '/attributes/a'));
    expect(partial?.json['_deletedFields']).toEqual({ attributes: { a: '2024-01-06T14:23:42.123Z' } });
    expect(partial?.json['_deleted']).toBeUndefined();
  });

  it('for merged events lists null values as deleted fields (regex keys skipped) and removes nulls and empty objects', async () => {
    const merged = event('merged', '/attributes', { a: null, b: { c: null }, d: 1, '{{ ~x.*~ }}': null });
    const [plain] = await outputOf(normalized(), merged);
    expect(plain?.json).toMatchObject({ attributes: { d: 1 } });
    expect(plain?.json['_context']).toMatchObject({ value: { d: 1 } });
    const [withDeleted] = await outputOf(normalized({ includeDeletedFields: true }), merged);
    expect(withDeleted?.json['_deletedFields']).toEqual({ attributes: { a: '2024-01-06T14:23:42.123Z', b: { c: '2024-01-06T14:23:42.123Z' } } });
  });

  it('drops everything else, inbound included', async () => {
    const mapper = normalized();
    expect(await mapper.mapInbound({ headers: {}, textPayload: '{}' }, context)).toEqual([]);
    for (const message of [
      { topic: 'org.acme/s1/things/twin/commands/modify', headers: {}, path: '/attributes/a', value: 1 },
      { topic: 'org.acme/s1/things/live/messages/hello', headers: {}, path: '/inbox/messages/hello', value: 1 },
      { topic: 'org.acme/p/policies/announcements/subjectDeletion', headers: {}, path: '/' },
      { topic: 'not a topic', headers: {}, path: '/' },
    ]) {
      expect(await mapper.mapOutbound(message, context)).toEqual([]);
    }
  });

  it('rejects a field selector with unbalanced parentheses at configuration', () => {
    const loaded = createMapperRegistry().load({ mappingEngine: 'Normalized', options: { fields: 'attributes(a' } }, context);
    expect(loaded).toMatchObject({ ok: false, reason: 'invalidOptions', error: { error: 'connectivity:message.mapper.config.invalid' } });
  });
});
