import { DittoError } from '../errors/ditto-error.js';
import { parseTargetTopic, parseTargetTopicEntry } from './parse-target-topic.js';
import { parseTargetTopics, serializeTargetTopic } from './serialize-target-topic.js';

function errorOf(topic: string): DittoError {
  try {
    parseTargetTopic(topic);
  } catch (e) {
    if (e instanceof DittoError) return e;
    throw e;
  }
  throw new Error(`expected ${topic} to be rejected`);
}

const canonical = (topic: string): string => serializeTargetTopic(parseTargetTopicEntry(topic));

describe('parseTargetTopic', () => {
  it('knows the six topics and their kinds', () => {
    const kinds = {
      '_/_/things/twin/events': 'twin-events',
      '_/_/things/live/events': 'live-events',
      '_/_/things/live/commands': 'live-commands',
      '_/_/things/live/messages': 'live-messages',
      '_/_/policies/announcements': 'policy-announcements',
      '_/_/connections/announcements': 'connection-announcements',
    };
    for (const [topic, kind] of Object.entries(kinds)) {
      expect(parseTargetTopic(topic)).toEqual({ kind, namespaces: [], filter: null, extraFields: null });
    }
  });

  it('rejects unknown topics, duplicate keys and malformed escapes as connectivity:topic.invalid', () => {
    for (const topic of ['_/_/things/twin/eventsx', ' _/_/things/twin/events', '_/_/things/twin/events#x', '_/_/Things/twin/events']) {
      const error = errorOf(topic);
      expect(error.error).toBe('connectivity:topic.invalid');
      expect(error.status).toBe(400);
      expect(error.message).toBe(`The topic '${topic}' could not be parsed.`);
    }
    expect(errorOf('_/_/things/twin/events?namespaces=a&namespaces=b').error).toBe('connectivity:topic.invalid');
    expect(errorOf('_/_/things/twin/events?foo=1&foo=2').error).toBe('connectivity:topic.invalid');
    expect(errorOf('_/_/things/twin/events?namespaces=a&namespace%73=b').error).toBe('connectivity:topic.invalid');
    expect(errorOf('_/_/policies/announcements?namespaces=a&namespaces=b').error).toBe('connectivity:topic.invalid');
    expect(errorOf('_/_/things/twin/events?filter=like(a,%zz)').error).toBe('connectivity:topic.invalid');
    expect(errorOf('_/_/things/twin/events?namespaces=%2').error).toBe('connectivity:topic.invalid');
  });

  it('decodes values (+ is a space), ignores params without = and unknown keys', () => {
    expect(parseTargetTopic('_/_/things/twin/events?foo&bar=1&namespaces=a+b,c%2Cd')).toEqual({
      kind: 'twin-events', namespaces: ['a b', 'c', 'd'], filter: null, extraFields: null,
    });
    expect(parseTargetTopic('_/_/things/twin/events?filter=eq(attributes/a,%22x%26y%22)').filter).toBe('eq(attributes/a,"x&y")');
    expect(parseTargetTopic('_/_/things/twin/events?namespaces=a=b').namespaces).toEqual(['a=b']);
    expect(parseTargetTopic('_/_/things/twin/events?namespaces=,a,,b,').namespaces).toEqual(['', 'a', '', 'b']);
    expect(parseTargetTopic('_/_/things/twin/events?namespaces=b,a,b').namespaces).toEqual(['b', 'a', 'b']);
    expect(parseTargetTopic('_/_/things/twin/events?').namespaces).toEqual([]);
    expect(parseTargetTopic('_/_/things/twin/events?filter=').filter).toBe('');
  });

  it('validates filters where they are kept and drops unsupported parameters of announcements', () => {
    expect(errorOf('_/_/things/twin/events?filter=eq(a,1').error).toBe('rql.expression.invalid');
    expect(errorOf('_/_/things/live/commands?filter=eq(foo,1)').message).toBe('Unknown property name: foo');
    expect(parseTargetTopic('_/_/things/live/commands?filter=eq(topic:action,%22modify%22)').filter).toBe('eq(topic:action,"modify")');
    expect(parseTargetTopic('_/_/policies/announcements?namespaces=a&filter=xx&extraFields=attributes')).toEqual({
      kind: 'policy-announcements', namespaces: ['a'], filter: null, extraFields: null,
    });
    expect(parseTargetTopic('_/_/connections/announcements?namespaces=a&filter=eq(a,1')).toEqual({
      kind: 'connection-announcements', namespaces: [], filter: null, extraFields: null,
    });
    // Ditto parses extraFields for every topic before dropping it, so an invalid selector fails even here.
    expect(errorOf('_/_/policies/announcements?extraFields=yy').error).toBe('things:field.selection.invalid');
    expect(errorOf('_/_/connections/announcements?extraFields=yy').error).toBe('things:field.selection.invalid');
  });

  it('expands and validates extraFields', () => {
    const fields = (selector: string): string[] | null =>
      parseTargetTopic(`_/_/things/twin/events?extraFields=${selector}`).extraFields;
    expect(fields('/attributes/a,thingId,_metadata/x')).toEqual(['/attributes/a', '/thingId', '/_metadata/x']);
    expect(fields('attributes/x(a)')).toEqual(['/attributes/x/a']);
    expect(fields('features/*/properties/unit')).toEqual(['/features/*/properties/unit']);
    expect(fields('features/{{feature:id}}/properties')).toEqual(['/features/{{feature:id}}/properties']);
    expect(fields('features/{{feature:id}}(properties,definition)')).toEqual(['/features/{{feature:id}}(properties,definition)']);
    expect(fields('foo,{{ x:y }}')).toEqual(['/foo', '/{{ x:y }}']);
    expect(fields('attributes/a,attributes/a')).toEqual(['/attributes/a']);
    expect(fields('attributes/a/')).toEqual(['/attributes/a']);
    expect(fields('_context')).toEqual(['/_context']);
    expect(fields('features/a+b')).toEqual(['/features/a b']);
    expect(fields('')).toBeNull();
    // Ditto (3.8.0 and its current sources alike) checks the allowed fields on the selector text, so a
    // comma inside a sub-selection (`attributes(a,b)`) or a sub-selection directly on a root
    // (`attributes(a)`) is rejected although the expanded pointers would be allowed; followed here.
    for (const bad of ['attributes(a,b)', 'attributes(a)', 'attributes/x(a,b)', 'features(f1,f2)', 'foo', 'attributesx',
      'thingId/x', 'attributes/', 'attributes/a, attributes/b', 'attributes/a,,attributes/b', 'attributes//a']) {
      const error = errorOf(`_/_/things/twin/events?extraFields=${bad}`);
      expect(error.error).toBe('things:field.selection.invalid');
    }
    expect(errorOf('_/_/things/twin/events?extraFields=foo').message).toBe('Thing field selection <foo> was not valid.');
  });

  it('serialises decoded values in the canonical order and merges identical entries', () => {
    expect(canonical('_/_/things/twin/events?extraFields=attributes/x&filter=eq(attributes/location,%22kitchen%22)&namespaces=a,b'))
      .toBe('_/_/things/twin/events?namespaces=a,b&filter=eq(attributes/location,"kitchen")&extraFields=attributes/x');
    expect(canonical('_/_/connections/announcements?namespaces=a&filter=x')).toBe('_/_/connections/announcements');
    expect(canonical('_/_/things/twin/events?filter=&namespaces=')).toBe('_/_/things/twin/events');
    const entries = parseTargetTopics([
      '_/_/things/twin/events?namespaces=a',
      '_/_/things/twin/events?namespaces=a&x=1',
      '_/_/things/twin/events',
    ]);
    expect(entries.map(serializeTargetTopic)).toEqual(['_/_/things/twin/events?namespaces=a', '_/_/things/twin/events']);
  });

  it('throws only DittoErrors, whatever the input', () => {
    for (const junk of [undefined, 42, '', '?', '_/_/things/twin/events?extraFields=((', '_/_/things/twin/events?filter=\\']) {
      expect(() => parseTargetTopic(junk as string)).toThrow(DittoError);
    }
  });
});
