import type { JsonObject, JsonValue } from '@twinlink/core';
import { command, OTHER, OWNER, policyCommand, policyJson, run, THING_ID } from '../test-kit.js';
import { TwinEngine } from './twin-engine.js';
import type { TwinEvent } from './twin-event.js';

const STRANGER = 'integration:stranger';
const THING = { attributes: { secret: 'pin', open: 'yes' }, features: { temp: { properties: { value: 20 } } } };

const INLINE_POLICY = policyJson(
  ['owner', [OWNER], { 'thing:/': { grant: ['READ', 'WRITE'] }, 'policy:/': { grant: ['READ', 'WRITE'] } }],
  ['other', [OTHER], { 'thing:/': { grant: ['READ'] }, 'thing:/attributes/secret': { revoke: ['READ'] }, 'thing:/features/temp/properties': { grant: ['WRITE'] } }],
);

async function setup(): Promise<{ twins: TwinEngine; events: TwinEvent[] }> {
  const twins = new TwinEngine();
  const events: TwinEvent[] = [];
  twins.subscribe((event) => events.push(event));
  const created = await run(twins, command('create', '/', { ...THING, _policy: INLINE_POLICY }));
  expect(created.response.status).toBe(201);
  return { twins, events };
}

function errorOf(value: JsonValue | undefined): string {
  return (value as { error: string }).error;
}

describe('authorization', () => {
  it('needs WRITE on the addressed path: 403 with the resource error otherwise', async () => {
    const { twins } = await setup();
    expect(errorOf((await run(twins, command('modify', '/attributes/x', 1), [OTHER])).response.value)).toBe('things:attribute.notmodifiable');
    expect(errorOf((await run(twins, command('delete', '/'), [OTHER])).response.value)).toBe('things:thing.notdeletable');
    expect(errorOf((await run(twins, command('modify', '/features/temp'), [OTHER])).response.value)).toBe('json.field.missing');
    expect(errorOf((await run(twins, command('modify', '/features/temp', {}), [OTHER])).response.value)).toBe('things:feature.notmodifiable');
    expect((await run(twins, command('modify', '/features/temp/properties/value', 21), [OTHER])).response.status).toBe(204);
  });

  it('lets a merge through when every leaf it writes is writable', async () => {
    const { twins } = await setup();
    const allowed = await run(twins, command('merge', '/', { features: { temp: { properties: { value: 5, unit: 'C' } } } }), [OTHER]);
    expect(allowed.response.status).toBe(204);
    const denied = await run(twins, command('merge', '/', { features: { temp: { properties: { value: 6 } } }, attributes: { open: 'no' } }), [OTHER]);
    expect(errorOf(denied.response.value)).toBe('things:thing.notmodifiable');
  });

  it('filters retrieves to the readable fields and hides unreadable resources as 404', async () => {
    const { twins } = await setup();
    const thing = await run(twins, command('retrieve', '/'), [OTHER]);
    expect(thing.response.value).toEqual({ thingId: THING_ID, policyId: THING_ID, attributes: { open: 'yes' }, features: THING.features });
    const secret = await run(twins, command('retrieve', '/attributes/secret'), [OTHER]);
    expect(secret.response.status).toBe(404);
    expect(errorOf(secret.response.value)).toBe('things:attribute.notfound');
    const stranger = await run(twins, command('retrieve', '/'), [STRANGER]);
    expect(errorOf(stranger.response.value)).toBe('things:thing.notfound');
    expect(await twins.retrievePartialThing(THING_ID, 'attributes', [OTHER])).toEqual({ attributes: { open: 'yes' } });
    expect(await twins.retrievePartialThing(THING_ID, 'attributes', [STRANGER])).toBeUndefined();
  });

  it('answers a 201 only with what the requester may READ', async () => {
    const twins = new TwinEngine();
    const policy = policyJson(['w', [OWNER], { 'thing:/': { grant: ['READ', 'WRITE'] }, 'policy:/': { grant: ['WRITE'] }, 'thing:/attributes/secret': { revoke: ['READ'] } }]);
    const created = await run(twins, command('create', '/', { ...THING, _policy: policy }));
    expect((created.response.value as JsonObject)['attributes']).toEqual({ open: 'yes' });
  });

  it('computes read-granted, read-revoked and partial subjects per event', async () => {
    const { twins, events } = await setup();
    expect(events[0]?.readGrantedSubjects).toEqual([OWNER, OTHER]);
    expect(events[0]?.partialSubjects).toEqual([OTHER]);
    expect(events[0]?.viewFor([OTHER])?.value).toEqual({ thingId: THING_ID, policyId: THING_ID, attributes: { open: 'yes' }, features: THING.features });
    expect(events[0]?.viewFor([OWNER])).toBe(events[0]?.event);
    expect(events[0]?.viewFor([STRANGER])).toBeUndefined();

    await run(twins, command('modify', '/attributes/secret', 'new-pin'));
    const secret = events[1] as TwinEvent;
    expect(secret.readGrantedSubjects).toEqual([OWNER]);
    expect(secret.readRevokedSubjects).toEqual([OTHER]);
    expect(secret.viewFor([OTHER])).toBeUndefined();

    await run(twins, command('merge', '/attributes', { secret: null, open: 'no' }));
    const merged = events[2] as TwinEvent;
    expect(merged.partialSubjects).toEqual([OTHER]);
    expect(merged.viewFor([OTHER])?.value).toEqual({ open: 'no' });
  });

  it('creates a default policy for the creator; a thing whose policy is deleted becomes inaccessible', async () => {
    const twins = new TwinEngine();
    await run(twins, command('create', '/', {}), [OWNER, OTHER]);
    const policy = await run(twins, policyCommand('retrieve', '/', undefined, THING_ID));
    expect(policy.response.value).toEqual({
      policyId: THING_ID,
      entries: {
        DEFAULT: {
          subjects: { [OWNER]: { type: 'generated' }, [OTHER]: { type: 'generated' } },
          resources: { 'thing:/': { grant: ['READ', 'WRITE'], revoke: [] }, 'policy:/': { grant: ['READ', 'WRITE'], revoke: [] }, 'message:/': { grant: ['READ', 'WRITE'], revoke: [] } },
        },
      },
    });
    expect((await run(twins, policyCommand('delete', '/', undefined, THING_ID))).response.status).toBe(204);
    expect(errorOf((await run(twins, command('retrieve', '/'))).response.value)).toBe('things:thing.notfound');
  });

  it('creates a thing with an existing policy only when the creator may WRITE it', async () => {
    const twins = new TwinEngine();
    await run(twins, policyCommand('create', '/', policyJson(['o', [OWNER], { 'thing:/': { grant: ['READ', 'WRITE'] }, 'policy:/': { grant: ['READ', 'WRITE'] } }])));
    const denied = await run(twins, command('create', '/', { policyId: 'org.acme:policy-1' }), [OTHER]);
    expect(errorOf(denied.response.value)).toBe('things:thing.notmodifiable');
    const missing = await run(twins, command('create', '/', { policyId: 'org.acme:nope' }));
    expect(errorOf(missing.response.value)).toBe('things:thing.notcreatable');
    const ok = await run(twins, command('create', '/', { policyId: 'org.acme:policy-1' }));
    expect(ok.response.status).toBe(201);
    const copied = await twins.apply({ ...command('create', '/', { _copyPolicyFrom: `{{ ref:things/${THING_ID}/policyId }}` }), topic: 'org.acme/copy/things/twin/commands/create' }, [OWNER]);
    expect((copied.response.value as JsonObject)['policyId']).toBe('org.acme:copy');
  });
});
