import fc from 'fast-check';
import type { JsonValue } from '@twinlink/core';
import { OTHER, OWNER, policyJson } from '../test-kit.js';
import { TwinEngine } from './twin-engine.js';

const KEYS = ['a', 'b', '__proto__', 'constructor', 'toString', 'polluted'];
const key = fc.constantFrom(...KEYS);
const json: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<JsonValue>(null, true, 1, 'x', []),
    fc.dictionary(key, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const paths = fc.constantFrom(
  '/',
  '/policyId',
  '/definition',
  '/attributes',
  '/attributes/__proto__',
  '/attributes/a/b',
  '/features',
  '/features/__proto__',
  '/features/f/properties/constructor',
  '/features/f/desiredProperties/a',
  '/features/f/definition',
  '/unknown',
  '//',
);
const actions = fc.constantFrom('create', 'modify', 'merge', 'retrieve', 'delete', 'migrate');
const headers = fc.record(
  {
    'if-match': fc.constantFrom('*', '"rev:1"', '"rev:2"', 'garbage'),
    'if-none-match': fc.constantFrom('*', '"rev:1"'),
    'if-equal': fc.constantFrom('update', 'skip', 'skip-minimizing-merge', 'nonsense'),
    condition: fc.constantFrom('eq(attributes/a,1)', 'exists(_revision)', 'bad(', 'eq(attributes/__proto__,1)'),
    'content-type': fc.constantFrom('application/merge-patch+json', 'text/plain'),
    'allow-policy-lockout': fc.boolean(),
  },
  { requiredKeys: [] },
);
const thingCommand = fc.record({
  thing: fc.constantFrom('org.acme:t1', 'org.acme:t2', 'org.acme:__proto__'),
  action: actions,
  path: paths,
  value: fc.option(json, { nil: undefined }),
  headers,
  fields: fc.option(fc.constantFrom('attributes', '_revision,_policy', 'features/*/properties', 'a(b', '__proto__'), { nil: undefined }),
  subjects: fc.constantFrom([OWNER], [OTHER], [OWNER, OTHER], []),
});
const policyCommandArb = fc.record({
  action: actions,
  path: fc.constantFrom('/', '/entries', '/entries/e', '/entries/__proto__/subjects/a:b', '/entries/e/resources/thing:/__proto__', '/imports'),
  value: fc.option(fc.oneof(json, fc.constant(policyJson(['e', [OWNER], { 'thing:/': { grant: ['READ', 'WRITE'] }, 'policy:/': { grant: ['READ', 'WRITE'] } }]))), { nil: undefined }),
  subjects: fc.constantFrom([OWNER], [OTHER]),
});

interface ThingStep {
  readonly thing: string;
  readonly action: string;
  readonly path: string;
  readonly value?: JsonValue;
  readonly headers: object;
  readonly fields?: string;
}

function envelope(c: ThingStep): unknown {
  const [ns, name] = c.thing.split(':');
  return { topic: `${ns}/${name}/things/twin/commands/${c.action}`, headers: c.headers, path: c.path, ...(c.value === undefined ? {} : { value: c.value }), ...(c.fields === undefined ? {} : { fields: c.fields }) };
}

describe('TwinEngine under random command sequences', () => {
  it('answers every command with a response, never throws, keeps revisions increasing and never touches Object.prototype', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(thingCommand.map((c) => ({ kind: 'thing' as const, c })), policyCommandArb.map((c) => ({ kind: 'policy' as const, c }))), { maxLength: 25 }), async (steps) => {
        const twins = new TwinEngine({ maxThingSize: 4096 });
        const revisions = new Map<string, number>();
        twins.subscribe((event) => {
          const previous = revisions.get(event.thingId) ?? 0;
          expect(event.event.revision).toBeGreaterThan(previous);
          revisions.set(event.thingId, event.event.revision as number);
          event.viewFor([OTHER]);
          void event.readGrantedSubjects;
        });
        for (const step of steps) {
          const input =
            step.kind === 'thing'
              ? envelope(step.c)
              : { topic: 'org.acme/p/policies/commands/' + step.c.action, headers: {}, path: step.c.path, ...(step.c.value === undefined ? {} : { value: step.c.value }) };
          const { response } = await twins.apply(input, step.c.subjects);
          expect(typeof response.status).toBe('number');
          expect(typeof response.topic).toBe('string');
        }
        expect(Object.getOwnPropertyNames(Object.prototype).includes('polluted')).toBe(false);
        expect(({} as Record<string, unknown>)['a']).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      { numRuns: 300 },
    );
  });

  it('answers arbitrary JSON input with error responses', async () => {
    const twins = new TwinEngine();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.string()), async (input) => {
        const { response } = await twins.apply(input, [OWNER]);
        expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 500 },
    );
  });
});
