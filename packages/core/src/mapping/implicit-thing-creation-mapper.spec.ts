import type { JsonObject } from '../json/json-value.js';
import { createMapperRegistry } from './built-in-mappers.js';

const context = { mapperId: 'implicitCreate', connectionId: 'c', authorizationSubjects: ['integration:a'], now: 1704551022123 };
const load = (options: JsonObject) => createMapperRegistry().load({ mappingEngine: 'ImplicitThingCreation', options }, context);
const mapper = (options: JsonObject) => {
  const loaded = load(options);
  if (!loaded.ok) throw loaded.error;
  return loaded.mapper;
};
const thing = {
  thingId: '{{ header:device_id }}',
  policyId: '{{ header:device_id }}',
  attributes: { gateway: '{{ header:gateway_id }}', createdAt: '{{ time:now }}', by: '{{ request:subjectId }}' },
  _policy: { entries: { DEVICE: { subjects: { 'integration:a': { type: 'x' } }, resources: { 'thing:/': { grant: ['READ', 'WRITE'], revoke: [] } } } } },
  ignored: 'not a thing field',
};

describe('ImplicitThingCreation mapper', () => {
  it('creates the thing of the resolved template with its inline policy', async () => {
    const message = { headers: { device_id: 'org.acme:dev-1', gateway_id: 'gw-7' }, textPayload: 'anything' };
    expect(await mapper({ thing }).mapInbound(message, context)).toEqual([
      {
        topic: 'org.acme/dev-1/things/twin/commands/create',
        headers: { 'if-none-match': '*', 'allow-policy-lockout': true },
        path: '/',
        value: {
          thingId: 'org.acme:dev-1',
          policyId: 'org.acme:dev-1',
          attributes: { gateway: 'gw-7', createdAt: '2024-01-06T14:23:42.123Z', by: 'integration:a' },
          _policy: thing._policy,
        },
      },
    ]);
  });

  it('adds resolved command headers after If-None-Match and honours allowPolicyLockout', async () => {
    const options = { thing, commandHeaders: { 'correlation-id': '{{ header:device_id }}-create', skipped: '{{ header:missing }}' }, allowPolicyLockout: 'false' };
    const [command] = await mapper(options).mapInbound({ headers: { device_id: 'org.acme:dev-1', gateway_id: 'g' } }, context);
    expect(command?.headers).toEqual({ 'if-none-match': '*', 'correlation-id': 'org.acme:dev-1-create', 'allow-policy-lockout': false });
  });

  it('fails with placeholder:unresolved for unresolvable placeholders, including ref: (divergence 17)', () => {
    expect(() => mapper({ thing }).mapInbound({ headers: { device_id: 'org.acme:dev-1' } }, context)).toThrow(expect.objectContaining({ error: 'placeholder:unresolved' }));
    const copying = mapper({ thing: { thingId: 'org.acme:x', _copyPolicyFrom: '{{ ref:things/org.acme:t/policyId }}' } });
    expect(() => copying.mapInbound({ headers: {} }, context)).toThrow(expect.objectContaining({ error: 'placeholder:unresolved' }));
  });

  it('fails for a resolved thing id that is not valid, or a template broken by the inserted value', () => {
    expect(() => mapper({ thing }).mapInbound({ headers: { device_id: 'nope', gateway_id: 'g' } }, context)).toThrow(expect.objectContaining({ error: 'things:id.invalid' }));
    expect(() => mapper({ thing }).mapInbound({ headers: { device_id: 'org.acme:d', gateway_id: 'a"b' } }, context)).toThrow(expect.objectContaining({ error: 'json.invalid' }));
  });

  it('raises error responses outbound and drops everything else', async () => {
    const created = mapper({ thing });
    const error = { status: 412, error: 'things:precondition.failed', message: 'The precondition failed.' };
    expect(() => created.mapOutbound({ topic: 'org.acme/dev-1/things/twin/errors', headers: {}, path: '/', value: error, status: 412 }, context)).toThrow(expect.objectContaining(error));
    expect(await created.mapOutbound({ topic: 'org.acme/dev-1/things/twin/errors', headers: {}, path: '/', value: 'x', status: 400 }, context)).toEqual([]);
    expect(await created.mapOutbound({ topic: 'org.acme/dev-1/things/twin/commands/create', headers: {}, path: '/', status: 201 }, context)).toEqual([]);
  });

  it('validates its options', () => {
    expect(load({})).toMatchObject({ ok: false, reason: 'missingOptions' });
    expect(load({ thing: { attributes: {} } })).toMatchObject({
      ok: false,
      reason: 'invalidOptions',
      error: { message: "The message mapper was not configured correctly as property 'thing/thingId' was missing from the mapper's configuration." },
    });
    expect(load({ thing: { thingId: 'nope' } })).toMatchObject({ ok: false, error: { error: 'connectivity:message.mapper.config.invalid', message: "Thing ID 'nope' is not valid!" } });
    expect(load({ thing: { thingId: 'org.acme:t', policyId: 'nope' } })).toMatchObject({ ok: false, error: { message: "Policy ID 'nope' is not valid!" } });
    expect(load({ thing: 'not json' })).toMatchObject({ ok: false, reason: 'invalidOptions' });
    expect(load({ thing: '{"thingId":"org.acme:t"}' }).ok).toBe(true);
    expect(load({ thing: { thingId: 'org.acme:t' }, commandHeaders: 'x' })).toMatchObject({ ok: false, reason: 'invalidOptions' });
  });
});
