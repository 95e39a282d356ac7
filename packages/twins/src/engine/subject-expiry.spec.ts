import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonObject, JsonValue } from '@twinlink/core';
import type { SubjectExpiryOptions } from '../expiry/subject-expiry-options.js';
import { SqliteTwinStore } from '../store/sqlite-twin-store.js';
import type { TwinStore } from '../store/twin-store.js';
import { command, FakeTime, OTHER, OWNER, policyCommand, run } from '../test-kit.js';
import type { AnnouncementOutcome, PolicyAnnouncement } from './policy-announcement.js';
import { TwinEngine } from './twin-engine.js';

const POLICY_ID = 'org.acme:policy-1';
const HOUR = 3_600_000;
const OWNER_ENTRY = { subjects: { [OWNER]: { type: 'owner' } }, resources: { 'policy:/': { grant: ['READ', 'WRITE'], revoke: [] }, 'thing:/': { grant: ['READ', 'WRITE'], revoke: [] } } };
const READER_RESOURCES = { 'policy:/': { grant: ['READ'], revoke: [] } };

interface Setup {
  readonly time: FakeTime;
  readonly twins: TwinEngine;
  readonly announced: PolicyAnnouncement[];
}

function engine(options: { store?: TwinStore; time?: FakeTime; subjectExpiry?: SubjectExpiryOptions; answer?: (announcement: PolicyAnnouncement) => AnnouncementOutcome } = {}): Setup {
  const time = options.time ?? new FakeTime();
  const twins = new TwinEngine({ clock: time.clock, timers: time, subjectExpiry: { random: () => 0, ...options.subjectExpiry }, ...(options.store ? { store: options.store } : {}) });
  const announced: PolicyAnnouncement[] = [];
  twins.subscribeAnnouncements((announcement) => {
    announced.push(announcement);
    return options.answer?.(announcement);
  });
  return { time, twins, announced };
}

/** A policy: the owner entry plus `readers` holding the given subject JSON for OTHER. */
function policyWith(subject: JsonObject): JsonValue {
  return { entries: { owner: OWNER_ENTRY, readers: { subjects: { [OTHER]: subject }, resources: READER_RESOURCES } } };
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

async function retrieve(twins: TwinEngine, path = '/'): Promise<{ status: number | undefined; value: JsonValue | undefined }> {
  const { response } = await run(twins, policyCommand('retrieve', path));
  return { status: response.status, value: response.value };
}

describe('subject expiry', () => {
  it('rounds the expiry and beforeExpiry up and refuses an expiry in the past', async () => {
    const { time, twins } = engine();
    const expiry = iso(time.now() + 90 * 60_000 + 1234);
    const created = await run(twins, policyCommand('create', '/', policyWith({ type: 'app', expiry, announcement: { beforeExpiry: '30s' } })));
    expect(created.response.status).toBe(201);
    expect((created.response.value as { entries: Record<string, { subjects: JsonValue }> }).entries['readers']?.subjects).toEqual({
      [OTHER]: { type: 'app', expiry: iso(time.now() + 2 * HOUR), announcement: { beforeExpiry: '60s', whenDeleted: false } },
    });
    const past = await run(twins, policyCommand('modify', `/entries/readers/subjects/${OTHER}`, { type: 'app', expiry: iso(time.now() - 2 * HOUR) }));
    expect(past.response).toMatchObject({ status: 400, value: { error: 'policies:subjectexpiry.invalid' } });
    const unreadable = await run(twins, policyCommand('modify', `/entries/readers/subjects/${OTHER}`, { type: 'app', announcement: { beforeExpiry: '10ms' } }));
    expect(unreadable.response).toMatchObject({ status: 400, value: { error: 'policies:subjectannouncement.invalid' } });
  });

  it('does not count an expiring subject as the requester keeping WRITE on the policy', async () => {
    const { time, twins } = engine();
    const onlyExpiring = { entries: { owner: { ...OWNER_ENTRY, subjects: { [OWNER]: { type: 'owner', expiry: iso(time.now() + 3 * HOUR) } } } } };
    expect((await run(twins, policyCommand('create', '/', onlyExpiring))).response.value).toMatchObject({ error: 'policies:policy.notcreatable' });
    expect((await run(twins, command('create', '/', { _policy: onlyExpiring }))).response.value).toMatchObject({ error: 'policies:policy.notcreatable' });
  });

  it('announces beforeExpiry, then deletes the subject at its expiry: no more access, a new revision', async () => {
    const { time, twins, announced } = engine();
    const expiry = time.now() + 2 * HOUR;
    await run(twins, policyCommand('create', '/', policyWith({ type: 'app', expiry: iso(expiry), announcement: { beforeExpiry: '1h', whenDeleted: true } })));
    expect((await run(twins, policyCommand('retrieve', '/entries/readers'), [OTHER])).response.status).toBe(200);
    await time.advance(HOUR - 1);
    expect(announced).toEqual([]);
    await time.advance(1);
    expect(announced).toHaveLength(1);
    const [announcement] = announced as [PolicyAnnouncement];
    expect(announcement).toMatchObject({ policyId: POLICY_ID, namespace: 'org.acme', subjectIds: [OTHER], requestedAcks: [] });
    expect(announcement.message).toEqual({
      topic: 'org.acme/policy-1/policies/announcements/subjectDeletion',
      headers: { 'correlation-id': expect.any(String) },
      path: '/',
      value: { deleteAt: iso(expiry), subjectIds: [OTHER] },
    });
    await time.advance(HOUR - 1);
    expect((await retrieve(twins, '/entries/readers/subjects')).value).toEqual({ [OTHER]: expect.any(Object) });
    await time.advance(1);
    expect((await retrieve(twins, '/entries/readers/subjects')).value).toEqual({});
    expect((await run(twins, policyCommand('retrieve', '/entries/readers'), [OTHER])).response.status).toBe(404);
    expect(twins.store.policy(POLICY_ID)).toMatchObject({ revision: 2, modified: iso(expiry).replace('Z', '.000Z') });
    // The beforeExpiry announcement was acknowledged (no acks requested): no second one when deleted.
    expect(announced).toHaveLength(1);
  });

  it('announces whenDeleted when a command deletes the subject, and when its expiry does', async () => {
    const { time, twins, announced } = engine();
    const expiry = time.now() + HOUR;
    const whenDeleted = { type: 'app', expiry: iso(expiry), announcement: { whenDeleted: true } };
    await run(twins, policyCommand('create', '/', policyWith(whenDeleted)));
    await time.advance(10_000);
    expect((await run(twins, policyCommand('delete', `/entries/readers/subjects/${OTHER}`))).response.status).toBe(204);
    await time.advance(0);
    expect(announced.map((a) => a.message.value)).toEqual([{ deleteAt: iso(time.now()), subjectIds: [OTHER] }]);

    await run(twins, policyCommand('modify', `/entries/readers/subjects/${OTHER}`, whenDeleted));
    await time.advance(HOUR);
    expect(announced.map((a) => a.message.value)).toEqual([
      { deleteAt: iso(expiry - HOUR + 10_000), subjectIds: [OTHER] },
      { deleteAt: iso(expiry), subjectIds: [OTHER] },
    ]);
    expect((await retrieve(twins, '/entries/readers/subjects')).value).toEqual({});
  });

  it('announces the subjects of a deleted policy, but not a subject whose settings changed', async () => {
    const { time, twins, announced } = engine();
    await run(twins, policyCommand('create', '/', policyWith({ type: 'app', expiry: iso(time.now() + HOUR), announcement: { whenDeleted: true } })));
    const later = time.now() + 2 * HOUR;
    await run(twins, policyCommand('modify', `/entries/readers/subjects/${OTHER}`, { type: 'app', expiry: iso(later), announcement: { whenDeleted: true } }));
    await time.advance(HOUR);
    expect(announced).toEqual([]);
    expect((await retrieve(twins, '/entries/readers/subjects')).value).toEqual({ [OTHER]: expect.any(Object) });
    await run(twins, policyCommand('delete', '/'));
    await time.advance(0);
    expect(announced.map((a) => a.subjectIds)).toEqual([[OTHER]]);
    await time.advance(2 * HOUR);
    expect(announced).toHaveLength(1);
  });

  it('publishes an announcement again with backoff until its requested acknowledgements succeed', async () => {
    const outcomes: AnnouncementOutcome[] = ['redeliver', 'redeliver', 'acknowledged'];
    const { time, twins, announced } = engine({ subjectExpiry: { random: () => 0.5 }, answer: () => outcomes.shift() ?? 'acknowledged' });
    const announcement = { beforeExpiry: '1h', randomizationInterval: '0s', requestedAcks: { labels: ['app:announced'], timeout: '5s' } };
    await run(twins, policyCommand('create', '/', policyWith({ type: 'app', expiry: iso(time.now() + 2 * HOUR), announcement })));
    await time.advance(HOUR);
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({ requestedAcks: ['app:announced'], ackTimeoutMs: 5000, message: { headers: { 'requested-acks': ['app:announced'], timeout: '5s' } } });
    await time.advance(500);
    expect(announced).toHaveLength(2);
    await time.advance(1000);
    expect(announced).toHaveLength(3);
    expect(new Set(announced.map((a) => a.message.headers['correlation-id'])).size).toBe(3);
    await time.advance(HOUR);
    expect(announced).toHaveLength(3);
  });

  it('keeps one timer for any number of policies with expiring subjects', async () => {
    const { time, twins } = engine();
    for (let i = 0; i < 50; i++) {
      const created = await run(twins, policyCommand('create', '/', policyWith({ type: 'app', expiry: iso(time.now() + (i + 1) * HOUR) }), `org.acme:p${i}`));
      expect(created.response.status).toBe(201);
    }
    expect(time.timerCount).toBe(1);
    await time.advance(50 * HOUR);
    expect(time.timerCount).toBe(0);
    expect(twins.store.policy('org.acme:p49')?.revision).toBe(2);
  });

  describe('after a restart', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'twins-expiry-'));
    });
    afterEach(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('schedules the stored subjects again: a due announcement goes out, a passed expiry deletes', async () => {
      const file = join(dir, 'twins.db');
      const first = engine({ store: new SqliteTwinStore({ file }) });
      const expiry = first.time.now() + 2 * HOUR;
      await run(first.twins, policyCommand('create', '/', policyWith({ type: 'app', expiry: iso(expiry), announcement: { beforeExpiry: '1h' } })));
      await first.twins.close();

      const time = new FakeTime();
      await time.advance(HOUR + 1);
      const second = engine({ store: new SqliteTwinStore({ file }), time });
      expect(second.announced).toEqual([]);
      await time.advance(0);
      expect(second.announced.map((a) => a.message.value)).toEqual([{ deleteAt: iso(expiry), subjectIds: [OTHER] }]);
      await second.twins.close();

      const late = new FakeTime();
      await late.advance(3 * HOUR);
      const third = engine({ store: new SqliteTwinStore({ file }), time: late });
      await late.advance(0);
      expect((await retrieve(third.twins, '/entries/readers/subjects')).value).toEqual({});
      expect(third.twins.store.policy(POLICY_ID)?.revision).toBe(2);
      await third.twins.close();
    });
  });
});
