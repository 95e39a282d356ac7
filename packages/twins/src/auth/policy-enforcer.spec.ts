import type { JsonObject } from '@twinlink/core';
import { policyJson } from '../test-kit.js';
import { PolicyEnforcer } from './policy-enforcer.js';

const A = 'test:a';
const B = 'test:b';

function enforcer(...entries: Parameters<typeof policyJson>): PolicyEnforcer {
  return new PolicyEnforcer(policyJson(...entries) as JsonObject);
}

describe('PolicyEnforcer', () => {
  it('applies a grant to the whole subtree', () => {
    const e = enforcer(['owner', [A], { 'thing:/': { grant: ['READ', 'WRITE'] } }]);
    expect(e.hasUnrestricted('thing', ['attributes', 'x', 'y'], [A], 'WRITE')).toBe(true);
    expect(e.hasUnrestricted('thing', [], [B], 'READ')).toBe(false);
    expect(e.hasUnrestricted('policy', [], [A], 'READ')).toBe(false);
  });

  it('a deeper revoke removes the permission below it and makes the parent only partially permitted', () => {
    const e = enforcer(['owner', [A], { 'thing:/': { grant: ['READ'] }, 'thing:/attributes/secret': { revoke: ['READ'] } }]);
    expect(e.hasUnrestricted('thing', ['attributes', 'secret', 'pin'], [A], 'READ')).toBe(false);
    expect(e.hasPartial('thing', ['attributes', 'secret'], [A], 'READ')).toBe(false);
    expect(e.hasUnrestricted('thing', ['attributes'], [A], 'READ')).toBe(false);
    expect(e.hasPartial('thing', ['attributes'], [A], 'READ')).toBe(true);
    expect(e.hasUnrestricted('thing', ['attributes', 'public'], [A], 'READ')).toBe(true);
  });

  it('revoke beats grant on the same path, also across entries', () => {
    const e = enforcer(['grant', [A], { 'thing:/attributes': { grant: ['WRITE'] } }], ['revoke', [A], { 'thing:/attributes': { revoke: ['WRITE'] } }]);
    expect(e.hasUnrestricted('thing', ['attributes'], [A], 'WRITE')).toBe(false);
    expect(e.isRevoked('thing', ['attributes'], A, 'WRITE')).toBe(true);
  });

  it('a deeper grant re-grants below a revoke (the most specific entry decides)', () => {
    const e = enforcer(['e', [A], { 'thing:/': { grant: ['READ'] }, 'thing:/features': { revoke: ['READ'] }, 'thing:/features/public': { grant: ['READ'] } }]);
    expect(e.hasUnrestricted('thing', ['features', 'public', 'properties'], [A], 'READ')).toBe(true);
    expect(e.hasUnrestricted('thing', ['features', 'private'], [A], 'READ')).toBe(false);
    expect(e.hasPartial('thing', ['features'], [A], 'READ')).toBe(true);
  });

  it('a revoke of one subject beats a less specific grant of another subject of the same request', () => {
    const e = enforcer(['a', [A], { 'thing:/': { grant: ['READ'] } }], ['b', [B], { 'thing:/attributes': { revoke: ['READ'] } }]);
    expect(e.hasUnrestricted('thing', ['attributes'], [A], 'READ')).toBe(true);
    expect(e.hasUnrestricted('thing', ['attributes'], [A, B], 'READ')).toBe(false);
    // A more specific grant wins over the other subject's revoke.
    const f = enforcer(['a', [A], { 'thing:/attributes/x': { grant: ['READ'] } }], ['b', [B], { 'thing:/': { revoke: ['READ'] } }]);
    expect(f.hasUnrestricted('thing', ['attributes', 'x'], [A, B], 'READ')).toBe(true);
  });

  it('keeps READ and WRITE apart', () => {
    const e = enforcer(['e', [A], { 'thing:/': { grant: ['READ', 'WRITE'] }, 'thing:/attributes': { revoke: ['WRITE'] } }]);
    expect(e.hasUnrestricted('thing', ['attributes'], [A], 'READ')).toBe(true);
    expect(e.hasUnrestricted('thing', ['attributes'], [A], 'WRITE')).toBe(false);
    expect(e.hasUnrestricted('thing', [], [A], 'WRITE')).toBe(false);
    expect(e.hasPartial('thing', [], [A], 'WRITE')).toBe(true);
  });

  it('builds READ views that share unrestricted branches and drop revoked ones', () => {
    const e = enforcer(['e', [A], { 'thing:/': { grant: ['READ'] }, 'thing:/attributes/secret': { revoke: ['READ'] } }]);
    const features = { temp: { properties: { value: 1 } } };
    const thing = { thingId: 'x:y', attributes: { secret: 's', open: 'o' }, features };
    const view = e.view('thing', [], thing, [A], 'READ') as JsonObject;
    expect(view).toEqual({ thingId: 'x:y', attributes: { open: 'o' }, features });
    expect(view['features']).toBe(features);
    expect(e.view('thing', ['attributes', 'secret'], 's', [A], 'READ')).toBeUndefined();
    expect(e.view('thing', [], thing, [B], 'READ')).toBeUndefined();
    const onlyFeature = enforcer(['e', [A], { 'thing:/features/temp': { grant: ['READ'] } }]);
    expect(onlyFeature.view('thing', [], thing, [A], 'READ')).toEqual({ features });
  });

  it('treats input keys as plain keys, never as prototype access', () => {
    const policy = JSON.parse('{"entries":{"__proto__":{"subjects":{"__proto__":{"type":"x"}},"resources":{"thing:/__proto__":{"grant":["READ"],"revoke":[]}}}}}') as JsonObject;
    const e = new PolicyEnforcer(policy);
    expect(e.hasUnrestricted('thing', ['__proto__'], ['__proto__'], 'READ')).toBe(true);
    expect(e.hasUnrestricted('thing', ['constructor'], ['__proto__'], 'READ')).toBe(false);
    expect(({} as Record<string, unknown>)['type']).toBeUndefined();
  });
});
