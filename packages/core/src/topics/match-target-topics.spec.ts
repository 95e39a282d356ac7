import { postMatchTargetTopics, preMatchTargetTopics, type OutboundSignalView } from './match-target-topics.js';
import { parseTargetTopics } from './serialize-target-topic.js';

const attributeEvent = (name: string, value: unknown): OutboundSignalView => ({
  kind: 'twin-events',
  namespace: 'org.acme',
  thing: { thingId: 'org.acme:t1', attributes: { [name]: value } as never },
  placeholders: (prefix, key) => (prefix === 'topic' && key === 'action' ? 'modified' : undefined),
});

describe('target topic matching', () => {
  it('filters by kind and exact namespace', () => {
    const entries = parseTargetTopics(['_/_/things/twin/events?namespaces=org.acme,org.x', '_/_/things/live/events']);
    expect(preMatchTargetTopics(entries, attributeEvent('a', 1)).candidates).toEqual([entries[0]]);
    expect(preMatchTargetTopics(entries, { ...attributeEvent('a', 1), namespace: 'org' }).candidates).toEqual([]);
    expect(preMatchTargetTopics(entries, { ...attributeEvent('a', 1), kind: 'live-events' }).candidates).toEqual([entries[1]]);
  });

  it('passes only events carrying the filtered property when there are no extra fields', () => {
    const entries = parseTargetTopics(['_/_/things/twin/events?filter=gt(attributes/counter,42)']);
    expect(preMatchTargetTopics(entries, attributeEvent('counter', 43)).candidates).toHaveLength(1);
    expect(preMatchTargetTopics(entries, attributeEvent('other', 43)).candidates).toHaveLength(0);
    const byAction = parseTargetTopics(['_/_/things/twin/events?filter=eq(topic:action,%22modified%22)']);
    expect(preMatchTargetTopics(byAction, attributeEvent('x', 1)).candidates).toHaveLength(1);
  });

  it('treats extra fields as unknown before enrichment and decides after it', () => {
    const entries = parseTargetTopics([
      '_/_/things/twin/events',
      '_/_/things/twin/events?extraFields=attributes/location&filter=eq(attributes/location,%22kitchen%22)',
    ]);
    const signal = attributeEvent('temperature', 20);
    const pre = preMatchTargetTopics(entries, signal);
    expect(pre.candidates[0]).toBe(entries[1]); // entries with extra fields first
    expect(pre.extraFields).toEqual(['/attributes/location']);
    expect(postMatchTargetTopics(pre, signal, { attributes: { location: 'kitchen' } })).toBe(entries[1]);
    expect(postMatchTargetTopics(pre, signal, { attributes: { location: 'hall' } })).toBe(entries[0]);
    const only = preMatchTargetTopics([entries[1]!], signal);
    expect(postMatchTargetTopics(only, signal, { attributes: { location: 'hall' } })).toBeNull();
    expect(postMatchTargetTopics(only, signal, undefined)).toBeNull();
  });

  it('resolves placeholders in extra fields through the caller hook', () => {
    const entries = parseTargetTopics([
      '_/_/things/twin/events?extraFields=features/{{ feature:id }}/properties&filter=eq(features/f/properties/on,true)',
    ]);
    const signal: OutboundSignalView = { kind: 'twin-events', namespace: 'org.acme', thing: { thingId: 'org.acme:t1' } };
    expect(preMatchTargetTopics(entries, signal).candidates).toHaveLength(1);
    const resolved = preMatchTargetTopics(entries, signal, () => ['/features/f/properties']);
    expect(resolved.extraFields).toEqual(['/features/f/properties']);
    const unrelated = preMatchTargetTopics(entries, signal, () => ['/features/g/properties']);
    expect(unrelated.candidates).toHaveLength(0);
  });
});
