import { resolvePlaceholders } from '../resolve-placeholders.js';
import { evaluateTimeExpression, formatInstant, parseTimeExpression } from './time-expression.js';

const U = { unresolved: true };

describe('namespaces', () => {
  it('an absent key is unknown (error), null is known but unresolved', () => {
    expect(() => resolvePlaceholders('{{ thing:id }}', {})).toThrow(expect.objectContaining({ error: 'placeholder:unresolved' }) as Error);
    expect(resolvePlaceholders('{{ thing:id }}', { thingId: null })).toEqual(U);
    expect(resolvePlaceholders('{{ time:now }}', { time: null })).toEqual(U);
  });

  it('thing/policy split at the first colon; entity needs a valid namespaced id', () => {
    expect(resolvePlaceholders('{{ thing:namespace }}|{{ thing:name }}', { thingId: 'a:b:c' })).toBe('a|b:c');
    expect(resolvePlaceholders('{{ policy:name }}', { policyId: 'ns:p' })).toBe('p');
    expect(resolvePlaceholders('{{ entity:namespace }}', { entityId: 'org.acme:x' })).toBe('org.acme');
    expect(resolvePlaceholders('{{ entity:id }}', { entityId: 'no-namespace' })).toEqual(U);
    expect(() => resolvePlaceholders('{{ thing:uuid }}', { thingId: 'a:b' })).toThrow(expect.objectContaining({ error: 'placeholder:unresolved' }) as Error);
  });

  it('feature, resource, request, connection, source', () => {
    expect(resolvePlaceholders('{{ feature:id }}', { featureId: ['f1', 'f2'] })).toEqual(['f1', 'f2']);
    expect(resolvePlaceholders('{{ feature:id }}', { featureId: [] })).toEqual(U);
    expect(resolvePlaceholders('{{ resource:path }}', { resource: { type: 'thing', path: '' } })).toBe('/');
    expect(resolvePlaceholders('{{ request:subjectId }}', { request: { subjectIds: ['s1'] } })).toBe('s1');
    expect(resolvePlaceholders('{{ connection:id }}', { connectionId: 'c' })).toBe('c');
    expect(resolvePlaceholders('{{ source:address }}', { sourceAddress: 'a/b' })).toBe('a/b');
  });

  it('thing-json: arrays expand, strings unquoted, other values as JSON, no array indices, null unresolved', () => {
    const thingJson = { attributes: { list: [1, { x: 2 }, 's'], o: { k: 'v' }, n: null, t: true } };
    expect(resolvePlaceholders('{{ thing-json:attributes/list }}', { thingJson })).toEqual(['1', '{"x":2}', 's']);
    expect(resolvePlaceholders('{{ thing-json:/attributes/o }}', { thingJson })).toBe('{"k":"v"}');
    expect(resolvePlaceholders('{{ thing-json:attributes/t }}', { thingJson })).toBe('true');
    expect(resolvePlaceholders('{{ thing-json:attributes/list/0 }}', { thingJson })).toEqual(U);
    expect(resolvePlaceholders('{{ thing-json:attributes/n }}', { thingJson })).toEqual(U);
    expect(() => resolvePlaceholders('{{ thing-json:attributes//o }}', { thingJson })).toThrow(expect.objectContaining({ error: 'json.pointer.invalid' }) as Error);
    expect(() => resolvePlaceholders('{{ thing-json:id }}', { thingJson })).toThrow(expect.objectContaining({ error: 'placeholder:unresolved' }) as Error);
  });

  it('jwt: flattens arrays at every level and removes duplicates', () => {
    const jwt = { sub: 'u', groups: ['g1', 'g1', 'g2'], orgs: [{ id: 'o1' }, { id: 'o2' }] };
    expect(resolvePlaceholders('{{ jwt:sub }}', { jwt })).toBe('u');
    expect(resolvePlaceholders('{{ jwt:groups }}', { jwt })).toEqual(['g1', 'g2']);
    expect(resolvePlaceholders('{{ jwt:orgs/id }}', { jwt })).toEqual(['o1', 'o2']);
  });

  it('topic: parts of a topic path (checked against Ditto 3.8.0 for 13 valid topics × 9 names)', () => {
    const r = (name: string, topic: string): unknown => resolvePlaceholders(`{{ topic:${name} }}`, { topic });
    expect(r('subject', 'ns/n/things/live/messages/a//b')).toBe('a//b');
    expect(r('action', 'ns/n/things/live/messages/ask')).toEqual(U);
    expect(r('action-subject', 'ns/n/things/twin/acks/lbl')).toBe('lbl');
    expect(r('channel', 'ns/n/policies/announcements/subjectDeletion')).toBe('none');
    expect(r('full', 'ns/n/things/twin/events/modified/')).toBe('ns/n/things/twin/events/modified');
    expect(r('action', 'ns/_/things/twin/search/subscribe')).toEqual(U);
    expect(r('full', 'ns/_/things/twin/search/subscribe')).toBe('ns/_/things/twin/search/subscribe');
    expect(r('namespace', '/n/things/twin/commands/modify')).toBe('');
    // an invalid topic in the context resolves to nothing (Ditto would fail to build the topic path)
    expect(r('full', 'bad/topic')).toEqual(U);
    expect(r('channel', '_/c/connections/announcements/opened')).toBe('none');
    expect(r('full', 'ns/n/things/twin/commands/bogus')).toEqual(U);
  });

  it('header: exact case by default, case-insensitive on request, own properties only', () => {
    const headers = { 'Content-Type': 'a/b' };
    expect(resolvePlaceholders('{{ header:content-type }}', { headers })).toEqual(U);
    expect(resolvePlaceholders('{{ header:content-type }}', { headers }, { caseInsensitiveHeaders: true })).toBe('a/b');
    expect(resolvePlaceholders('{{ header:toString }}', { headers }, { caseInsensitiveHeaders: true })).toEqual(U);
  });
});

describe('time:', () => {
  const now = Date.parse('2024-01-06T14:23:42.123Z');
  const at = (name: string): string[] => {
    const expression = parseTimeExpression(name);
    if (!expression) throw new Error(`unsupported ${name}`);
    return evaluateTimeExpression(expression, now);
  };

  it('offsets in every unit, seconds by default', () => {
    expect(at('now-30')).toEqual(['2024-01-06T14:23:12.123Z']);
    expect(at('now+500ms')).toEqual(['2024-01-06T14:23:42.623Z']);
    expect(at('now-1h')).toEqual(['2024-01-06T13:23:42.123Z']);
    expect(at('now+1w')).toEqual(['2024-01-13T14:23:42.123Z']);
    expect(at('now_epoch_millis+1mo')).toEqual([String(now + 2_629_746_000)]);
    expect(at('now_epoch_millis-1y')).toEqual([String(now - 31_556_952_000)]);
    expect(at('now-+5s')).toEqual(['2024-01-06T14:23:37.123Z']);
  });

  it('truncation, including Ditto quirks ([] = seconds, junk before [ ignored)', () => {
    expect(at('now[ms]')).toEqual(['2024-01-06T14:23:42.123Z']);
    expect(at('now[]')).toEqual(['2024-01-06T14:23:42Z']);
    expect(at('nowabc[h]')).toEqual(['2024-01-06T14:00:00Z']);
    expect(at('now+1d[d]')).toEqual(['2024-01-07T00:00:00Z']);
    expect(at('nownow')).toEqual([]);
  });

  it('w/mo/y truncation uses the server time zone', () => {
    const local = (ms: number): Date => new Date(ms);
    const week = local(Number(at('now_epoch_millis[w]')[0]));
    expect([week.getDay(), week.getHours(), week.getMinutes()]).toEqual([1, 0, 0]);
    const month = local(Number(at('now_epoch_millis[mo]')[0]));
    expect([month.getDate(), month.getHours()]).toEqual([1, 0]);
    const year = local(Number(at('now_epoch_millis[y]')[0]));
    expect([year.getMonth(), year.getDate(), year.getHours()]).toEqual([0, 1, 0]);
  });

  it('rejects unknown units and suffixes', () => {
    for (const name of ['later', 'now+1x', 'now[x]', 'now+', 'now--5s', 'now+1d[', 'now+1d][', 'nowx', `now+${'9'.repeat(20)}s`]) {
      expect(parseTimeExpression(name)).toBeUndefined();
    }
    expect(() => resolvePlaceholders('{{ time:now+1x }}', { time: true })).toThrow(expect.objectContaining({ error: 'placeholder:unresolved' }) as Error);
  });

  it('formats instants with a fraction only when it is not zero', () => {
    expect(formatInstant(Date.parse('2024-01-06T14:00:00Z'))).toBe('2024-01-06T14:00:00Z');
    expect(formatInstant(Date.parse('+012024-01-06T14:00:00.5Z'))).toBe('+12024-01-06T14:00:00.500Z');
    expect(() => resolvePlaceholders(`{{ time:now+${'9'.repeat(15)}d }}`, { time: now })).toThrow(expect.objectContaining({ error: 'placeholder:unresolved' }) as Error);
  });

  it('uses the clock for time: true', () => {
    const before = Date.now();
    const value = Number(resolvePlaceholders('{{ time:now_epoch_millis }}', { time: true }));
    expect(value).toBeGreaterThanOrEqual(before);
    expect(value).toBeLessThanOrEqual(Date.now());
  });
});
