import fc from 'fast-check';
import { rqlFilter } from './rql-filters.js';

const TOPICS = [
  '_/_/things/twin/events', '_/_/things/live/events', '_/_/things/live/commands', '_/_/things/live/messages',
  '_/_/policies/announcements', '_/_/connections/announcements',
];
const BROKEN_TOPICS = ['_/_/things/twin/event', '_/_/Things/twin/events', '_/_/things/twin/events/', 'things/twin/events', '', '_/_/things/twin/commands'];

const namespaces = fc.oneof(
  fc.array(fc.constantFrom('org.acme', 'a', 'b', 'x.y', ''), { maxLength: 3 }).map((parts) => parts.join(',')),
  fc.constantFrom('a,,b', ',a', 'a,', 'a%2Cb', 'a+b', 'org.acme,*'),
);

const EXTRA_FIELDS = [
  'attributes/a', '/attributes/a', 'thingId', '_metadata/x', 'attributes/x(a)', 'features/*/properties/unit', 'features/{{feature:id}}/properties',
  'attributes/a,attributes/b', 'attributes/a/', 'features/a+b', '_context', 'foo', 'attributes(a,b)', 'attributes(a)', 'attributes/x(a,b)',
  'features(f1,f2)', 'attributesx', 'thingId/x', 'attributes/', 'attributes/a,%20attributes/b', 'attributes//a', '', 'policyId', 'definition',
  'attributes/a%2Cattributes/b', '_revision', 'features', '%zz',
];

/** A filter as written in a topic: plain, URL-encoded or with a broken escape. */
const filterParameter = fc.oneof(
  rqlFilter,
  rqlFilter.map((filter) => encodeURIComponent(filter)),
  fc.constantFrom('', 'eq(a,1', 'eq(attributes/a,%22x%22)', '%zz', 'eq(attributes/a,"a+b")', 'exists(attributes/a)&x'),
);

const parameter = fc.oneof(
  namespaces.map((value) => `namespaces=${value}`),
  filterParameter.map((value) => `filter=${value}`),
  fc.constantFrom(...EXTRA_FIELDS).map((value) => `extraFields=${value}`),
  fc.constantFrom('x=1', 'namespaces', 'filter', '=a', 'extrafields=thingId', 'name%73paces=a', ''),
);

/** Target topics with parameters: valid, duplicated, encoded, unknown and malformed. */
export const targetTopic: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...TOPICS) }, { weight: 1, arbitrary: fc.constantFrom(...BROKEN_TOPICS) }),
    fc.array(parameter, { maxLength: 3 }),
    fc.constantFrom('?', '?', '?', '??', '&'),
  )
  .map(([topic, params, separator]) => (params.length === 0 ? topic : `${topic}${separator}${params.join('&')}`));
