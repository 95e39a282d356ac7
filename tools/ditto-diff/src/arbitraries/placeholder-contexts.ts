import fc from 'fast-check';
import { HEADER_NAMES } from './placeholder-templates.js';

/** A placeholder context as the reference reads it (JSON); `time` marks the clock namespace on. */
export interface ContextJson {
  headers?: Record<string, string> | null;
  thingId?: string | null;
  entityId?: string | null;
  policyId?: string | null;
  featureId?: string | string[] | null;
  topic?: string | null;
  resource?: { type: string; path: string } | null;
  connectionId?: string | null;
  sourceAddress?: string | null;
  request?: { subjectIds: string[] } | null;
  time?: true | null;
}

/** Topic paths for `topic:`; the entries from {@link VALID_TOPICS} on are not valid topic paths. */
export const CONTEXT_TOPICS = [
  'org.acme/sensor-1/things/twin/events/modified',
  'org.acme/sensor-1/things/live/messages/ask/more',
  'org.acme/sensor-1/things/twin/commands/modify',
  'ns/n/things/twin/acks/lbl',
  'ns/n/policies/announcements/subjectDeletion',
  '_/c/connections/announcements/opened',
  'ns/_/things/twin/search/subscribe',
  'ns/n/things/live/messages/a//b',
  '/n/things/twin/commands/modify',
  'ns/n/things/twin/errors',
  'bad/topic',
  'ns/n/things/twin/commands/bogus',
];

/** How many of {@link CONTEXT_TOPICS} are valid topic paths. */
export const VALID_TOPICS = 10;

const HEADER_VALUES = ['org.acme:sensor-1', 'a, b ,c', '', '  Mixed Case  ', 'ZGl0dG8=', '%zz', 'Hello World/1?x=y&z', '0', '1', 'x', 'a|b', "it's", '{{ header:a }}', '*'];
const IDS = ['org.acme:sensor-1', 'ns:n', 'a.b.c:x:y', ':empty-ns', 'org.acme:x%20y'];

/** Absent (unknown namespace), `null` (known, no value) or a value. */
function optional<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> {
  return fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 5, arbitrary: value });
}

const headers = fc.dictionary(fc.constantFrom(...HEADER_NAMES.filter((name) => name !== 'missing')), fc.constantFrom(...HEADER_VALUES), { maxKeys: 5 });

/** Contexts switching every namespace on, off or to "no value". */
export const placeholderContext: fc.Arbitrary<ContextJson> = fc
  .record({
    headers: optional(headers),
    thingId: optional(fc.constantFrom(...IDS)),
    entityId: optional(fc.constantFrom(...IDS)),
    policyId: optional(fc.constantFrom(...IDS)),
    featureId: optional(fc.oneof(fc.constantFrom('temp', 'f-1', ''), fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }))),
    topic: optional(
      fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...CONTEXT_TOPICS.slice(0, VALID_TOPICS)) },
        { weight: 1, arbitrary: fc.constantFrom(...CONTEXT_TOPICS.slice(VALID_TOPICS)) },
      ),
    ),
    resource: optional(fc.constantFrom({ type: 'thing', path: '/features/temp/properties/value' }, { type: 'policy', path: '/' }, { type: 'message', path: '/inbox/messages/x' })),
    connectionId: optional(fc.constantFrom('conn-1', 'c')),
    sourceAddress: optional(fc.constantFrom('devices/a/b', '')),
    request: optional(fc.array(fc.constantFrom('integration:a', 'integration:b', 'pre:x'), { maxLength: 3 }).map((subjectIds) => ({ subjectIds }))),
    time: optional(fc.constant(true as const)),
  })
  .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as ContextJson);
