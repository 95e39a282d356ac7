import { OTHER, OWNER, policyCommand, policyJson, run } from '../test-kit.js';
import { TwinEngine } from './twin-engine.js';

const POLICY = policyJson(['owner', [OWNER], { 'policy:/': { grant: ['READ', 'WRITE'] }, 'thing:/': { grant: ['READ', 'WRITE'] } }], ['reader', [OTHER], { 'policy:/entries/reader': { grant: ['READ'] } }]);

function errorOf(value: unknown): string {
  return (value as { error: string }).error;
}

async function withPolicy(): Promise<TwinEngine> {
  const twins = new TwinEngine();
  const created = await run(twins, policyCommand('create', '/', POLICY));
  expect(created.response).toMatchObject({ topic: 'org.acme/policy-1/policies/commands/create', status: 201, value: { policyId: 'org.acme:policy-1' } });
  return twins;
}

describe('policy commands', () => {
  it('create: 201, then 409 policies:policy.conflict', async () => {
    const twins = await withPolicy();
    expect(errorOf((await run(twins, policyCommand('create', '/', POLICY))).response.value)).toBe('policies:policy.conflict');
  });

  it('refuses to create or modify a policy that locks the requester out, unless allowed', async () => {
    const twins = new TwinEngine();
    const locked = policyJson(['x', [OTHER], { 'policy:/': { grant: ['WRITE'] } }]);
    expect(errorOf((await run(twins, policyCommand('create', '/', locked))).response.value)).toBe('policies:policy.notcreatable');
    expect((await run(twins, policyCommand('create', '/', locked, 'org.acme:policy-1', { 'allow-policy-lockout': true }))).response.status).toBe(201);
    const mine = await withPolicy();
    const removing = await run(mine, policyCommand('delete', '/entries/owner'));
    expect(errorOf(removing.response.value)).toBe('policies:policy.modificationinvalid');
  });

  it('modifies, retrieves and deletes entries, subjects and resources with Ditto statuses', async () => {
    const twins = await withPolicy();
    const entry = { subjects: { 'integration:new': { type: 'x' } }, resources: { 'thing:/attributes': { grant: ['READ'], revoke: [] } } };
    expect((await run(twins, policyCommand('modify', '/entries/new', entry))).response).toMatchObject({ status: 201, value: entry });
    expect((await run(twins, policyCommand('modify', '/entries/new', entry))).response.status).toBe(204);
    expect((await run(twins, policyCommand('modify', '/entries/new/subjects/integration:second', { type: 'y' }))).response.status).toBe(201);
    expect((await run(twins, policyCommand('modify', '/entries/new/resources/thing:/features', { grant: ['WRITE'] }))).response.status).toBe(201);
    const read = await run(twins, policyCommand('retrieve', '/entries/new/resources'));
    expect(read.response.value).toEqual({ 'thing:/attributes': { grant: ['READ'], revoke: [] }, 'thing:/features': { grant: ['WRITE'], revoke: [] } });
    expect((await run(twins, policyCommand('delete', '/entries/new/subjects/integration:second'))).response.status).toBe(204);
    expect(errorOf((await run(twins, policyCommand('delete', '/entries/new/subjects/integration:second'))).response.value)).toBe('policies:subject.notfound');
    expect(errorOf((await run(twins, policyCommand('retrieve', '/entries/missing'))).response.value)).toBe('policies:entry.notfound');
    expect(errorOf((await run(twins, policyCommand('modify', '/entries/missing/subjects/a:b', { type: 'x' }))).response.value)).toBe('policies:entry.notfound');
    expect(errorOf((await run(twins, policyCommand('modify', '/entries/bad', { resources: { 'car:/': { grant: ['READ'] } } }))).response.value)).toBe('policies:entry.invalid');
    expect(errorOf((await run(twins, policyCommand('modify', '/entries/bad', { resources: { 'thing:/': { grant: ['FLY'] } } }))).response.value)).toBe('policies:entry.invalid');
  });

  it('filters retrieves by READ on policy:/… and needs WRITE to change', async () => {
    const twins = await withPolicy();
    const view = await run(twins, policyCommand('retrieve', '/'), [OTHER]);
    expect(view.response.value).toEqual({ entries: { reader: (POLICY as { entries: Record<string, unknown> }).entries['reader'] } });
    expect(errorOf((await run(twins, policyCommand('modify', '/entries/reader', { subjects: {}, resources: {} }), [OTHER])).response.value)).toBe('policies:policy.notmodifiable');
    expect(errorOf((await run(twins, policyCommand('retrieve', '/'), ['nobody:x'])).response.value)).toBe('policies:policy.notfound');
  });

  it('supports if-match on the policy revision and deletes the policy', async () => {
    const twins = await withPolicy();
    expect((await run(twins, policyCommand('modify', '/', POLICY, 'org.acme:policy-1', { 'if-match': '"rev:2"' }))).response.status).toBe(412);
    expect((await run(twins, policyCommand('modify', '/', POLICY, 'org.acme:policy-1', { 'if-match': '"rev:1"' }))).response.status).toBe(204);
    expect((await run(twins, policyCommand('delete', '/'))).response.status).toBe(204);
    expect(errorOf((await run(twins, policyCommand('retrieve', '/'))).response.value)).toBe('policies:policy.notfound');
    expect((await run(twins, policyCommand('modify', '/', POLICY))).response.status).toBe(201);
  });
});
