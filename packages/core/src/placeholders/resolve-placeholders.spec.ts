import { DittoError } from '../errors/ditto-error.js';
import type { PlaceholderContext } from './placeholder-context.js';
import { resolvePlaceholders } from './resolve-placeholders.js';
import { validateTemplate } from './validate-template.js';

// Worked examples of placeholders.md §7. Expected values were cross-checked with Ditto 3.8.0's
// expression resolver (the reference oracle); `time:` rows use a fixed "now" instead of the clock.
const inbound: PlaceholderContext = {
  headers: {
    device_id: 'org.acme:sensor-1',
    'content-type': 'application/json',
    qos: '1',
    tags: 'a, b ,c',
    empty: '',
    mixed: '  Mixed Case  ',
    msg: 'Hello World/1?x=y&z',
    b64: 'ZGl0dG8=',
  },
  request: { subjectIds: ['integration:a', 'integration:b'] },
  connectionId: 'conn-1',
  time: new Date('2024-01-06T14:23:42.123Z'),
};
const outbound: PlaceholderContext = {
  headers: { 'correlation-id': 'c-42' },
  thingId: 'org.acme:sensor-1',
  entityId: 'org.acme:sensor-1',
  featureId: 'temp',
  topic: 'org.acme/sensor-1/things/twin/events/modified',
  resource: { type: 'thing', path: '/features/temp/properties/value' },
  thingJson: { attributes: { location: 'kitchen', floor: 2 } },
  connectionId: 'conn-1',
  time: Date.parse('2024-01-06T14:23:42.123Z'),
};
const ci = { caseInsensitiveHeaders: true };
const U = { unresolved: true };

describe('resolvePlaceholders: worked examples (placeholders.md §7)', () => {
  it.each([
    ['1', '{{ header:device_id }}', inbound, 'org.acme:sensor-1'],
    ['3', "{{ header:device_id | fn:substring-before(':') }}", inbound, 'org.acme'],
    ['4', "{{ header:device_id | fn:substring-after(':') }}", inbound, 'sensor-1'],
    ['5', "{{ header:device_id | fn:substring-after('#') }}", inbound, U],
    ['6', "{{ header:device_id | fn:substring-after('#') | fn:default('none') }}", inbound, 'none'],
    ['7', '{{ header:missing }}', inbound, U],
    ['8', '{{ header:missing | fn:default(header:device_id) }}', inbound, 'org.acme:sensor-1'],
    ['9', "{{ header:missing | fn:default('x') | fn:upper() }}", inbound, 'X'],
    ['10', "{{ header:empty | fn:default('x') }}", inbound, ''],
    ['11', '{{ header:mixed | fn:trim() | fn:lower() }}', inbound, 'mixed case'],
    ['12', '{{ header:msg | fn:url-encode() }}', inbound, 'Hello+World%2F1%3Fx%3Dy%26z'],
    ['13', '{{ header:msg | fn:url-encode() | fn:url-decode() }}', inbound, 'Hello World/1?x=y&z'],
    ['14', '{{ header:b64 | fn:base64-decode() }}', inbound, 'ditto'],
    ['15', '{{ header:device_id | fn:base64-encode() }}', inbound, 'b3JnLmFjbWU6c2Vuc29yLTE='],
    ['16', "{{ header:device_id | fn:replace(':', '/') }}", inbound, 'org.acme/sensor-1'],
    ['17', "{{ header:tags | fn:split(',') | fn:trim() | fn:join('+') }}", inbound, 'a+b+c'],
    ['18', "{{ header:tags | fn:split(',') }}", inbound, ['a', ' b ', 'c']],
    ['19', "device:{{ header:tags | fn:split(',') | fn:trim() }}", inbound, ['device:a', 'device:b', 'device:c']],
    ['20', "{{ header:device_id | fn:split('.') }}", inbound, U],
    ['21', "{{ header:qos | fn:filter('ne','0') }}", inbound, '1'],
    ['23', "{{ header:device_id | fn:filter('like','org.acme:*') }}", inbound, 'org.acme:sensor-1'],
    ['24', "{{ header:device_id | fn:filter('like','*:sensor-?|com.*') }}", inbound, 'org.acme:sensor-1'],
    ['25', "{{ header:device_id | fn:filter(header:qos,'eq','1') }}", inbound, 'org.acme:sensor-1'],
    ['26', "{{ header:device_id | fn:filter(header:missing,'exists') }}", inbound, U],
    ['27', "{{ header:device_id | fn:filter(header:missing,'exists','false') }}", inbound, 'org.acme:sensor-1'],
    ['28', "{{ header:missing | fn:filter('exists','false') }}", inbound, U],
    ['29', '{{ header:device_id | fn:delete() }}', inbound, { deleted: true }],
    ['30', 'prefix-{{ header:missing }}', inbound, U],
    ['31', 'a/{{ fn:delete() }}/b', inbound, 'a//b'],
    ['32', "{{ fn:default('constant') }}", inbound, 'constant'],
    ['36a', '{{ thing:id }}', outbound, 'org.acme:sensor-1'],
    ['36b', '{{ thing:namespace }}', outbound, 'org.acme'],
    ['36c', '{{ thing:name }}', outbound, 'sensor-1'],
    ['37', '{{ entity:id }}', outbound, 'org.acme:sensor-1'],
    ['38', '{{ feature:id }}', outbound, 'temp'],
    ['39', '{{ topic:full }}', outbound, 'org.acme/sensor-1/things/twin/events/modified'],
    ['40a', '{{ topic:action-subject }}', outbound, 'modified'],
    ['40b', '{{ topic:subject }}', outbound, U],
    ['41a', '{{ resource:type }}', outbound, 'thing'],
    ['41b', '{{ resource:path }}', outbound, '/features/temp/properties/value'],
    ['42', '{{ request:subjectId }}', inbound, ['integration:a', 'integration:b']],
    ['43', "{{ request:subjectId | fn:join(',') }}", inbound, 'integration:a,integration:b'],
    ['44', '{{ connection:id }}:delivered', inbound, 'conn-1:delivered'],
    ['45a', '{{ thing-json:attributes/location }}', outbound, 'kitchen'],
    ['45b', '{{ thing-json:attributes/floor }}', outbound, '2'],
    ['46', '{{ header:correlation-id }}', outbound, 'c-42'],
    ['47', '{{ time:now }}', outbound, '2024-01-06T14:23:42.123Z'],
    ['48', '{{ time:now_epoch_millis }}', outbound, '1704551022123'],
    ['49', '{{ time:now[h] }}', outbound, '2024-01-06T14:00:00Z'],
    ['50', '{{ time:now-25m[m] }}', outbound, '2024-01-06T13:58:00Z'],
    ['51', '{{ time:now+3d[s] }}', outbound, '2024-01-09T14:23:42Z'],
    ['52', '{{ time:now_epoch_millis[d] }}', outbound, '1704499200000'],
  ])('#%s %s', (_row, template, context, expected) => {
    expect(resolvePlaceholders(template, context, ci)).toEqual(expected);
  });

  it('#2 looks header names up ignoring case only when asked (the default is exact case, like the oracle)', () => {
    expect(resolvePlaceholders('{{header:DEVICE_ID}}', inbound, ci)).toBe('org.acme:sensor-1');
    expect(resolvePlaceholders('{{header:DEVICE_ID}}', inbound)).toEqual(U);
  });

  it('#22 ack-filter style conditions treat a missing header as ""', () => {
    expect(resolvePlaceholders("{{ fn:default('[]') | fn:filter(header:qos,'ne','0') }}", inbound)).toBe('[]');
    expect(resolvePlaceholders("{{ fn:default('[]') | fn:filter(header:qos,'ne','0') }}", { headers: { qos: '0' } })).toEqual(U);
    expect(resolvePlaceholders("{{ fn:default('[]') | fn:filter(header:qos,'ne','0') }}", { headers: {} })).toBe('[]');
  });

  it('#53 combines multi-valued placeholders as a Cartesian product', () => {
    expect(resolvePlaceholders('{{ feature:id }}-{{ header:b }}', { featureId: ['1', '2'], headers: { b: 'x' } })).toEqual(['1-x', '2-x']);
  });

  it.each([
    ['33', '{{ header:device_id | fn:upper(\'x\') }}', 'placeholder:function.signature.invalid'],
    ['34', '{{ header:device_id | fn:capitalize() }}', 'placeholder:function.unknown'],
    ['35', '{{ thing:uuid }}', 'placeholder:unresolved'],
    ['55', '{{ policy:id }}', 'placeholder:unresolved'],
  ])('#%s %s fails validation', (_row, template, code) => {
    expect(() => validateTemplate(template, ['header', 'thing', 'entity', 'feature', 'topic', 'resource', 'request', 'time', 'connection', 'thing-json'])).toThrow(
      expect.objectContaining({ error: code, status: 400 }) as Error,
    );
  });
});

function errorOf(action: () => unknown): DittoError {
  try {
    action();
  } catch (error) {
    if (error instanceof DittoError) return error;
    throw error;
  }
  throw new Error('expected a DittoError');
}

describe('resolvePlaceholders: errors and malformed templates (messages as in Ditto 3.8.0)', () => {
  const context: PlaceholderContext = { headers: { a: 'x' } };
  it.each([
    ['{{ header:a |}}', 'placeholder:unresolved', "The placeholder 'header:a |' could not be resolved."],
    ['{{ header:a | }}', 'placeholder:function.unknown', 'The function <> is not known.'],
    ['{{ header:a | thing:id }}', 'placeholder:function.unknown', 'The function <thing:id> is not known.'],
    ['{{ header:a | fn:upper | fn:lower() }}', 'placeholder:function.unknown', 'The function <fn:upper> is not known.'],
    ["{{ fn:default('x' }}", 'placeholder:function.signature.invalid', "The function signature <fn:default('x'> could not be parsed."],
    ["{{ header:a | fn:filter('exists') }}", 'placeholder:function.signature.invalid', "The function signature <fn:filter('exists')> could not be parsed."],
    ["{{ header:a | fn:replace('x') }}", 'placeholder:function.signature.invalid', "The function signature <fn:replace('x')> could not be parsed."],
    ["{{ header:a | fn:replace('x',header:missing) }}", 'placeholder:function.signature.invalid', "The function signature <fn:replace('x',header:missing)> could not be parsed."],
    ["{{ header:a | fn:filter(header:a, header:missing, '0') }}", 'placeholder:function.signature.invalid', "The function signature <fn:filter(header:a, header:missing, '0')> could not be parsed."],
    ['{{ header:a | fn:default(thing-json:x) }}', 'placeholder:function.signature.invalid', 'The function signature <fn:default(thing-json:x)> could not be parsed.'],
    ['{{ header:a | fn:default(ing:namespace) }}', 'placeholder:unresolved', "The placeholder 'ing:namespace' could not be resolved."],
    ["{{ fn:default('a\\') }}", 'placeholder:unresolved', "The placeholder 'fn:default('a\\') ' could not be resolved."],
    ['{{ header:x || fn:upper() }}', 'placeholder:unresolved', "The placeholder 'header:x || fn:upper() ' could not be resolved."],
    ['{{he{{ader:x }}', 'placeholder:unresolved', "The placeholder 'he{{ader:x' could not be resolved."],
    ['{{ }}', 'placeholder:unresolved', "The placeholder '' could not be resolved."],
    ['{{ nocolon }}', 'placeholder:unresolved', "The placeholder 'nocolon' could not be resolved."],
    ['{{ thing:id }}', 'placeholder:unresolved', "The placeholder 'thing:id' could not be resolved."],
    [`{{ header:a${' | fn:upper()'.repeat(11)} }}`, 'placeholder:function.too.complex', 'The placeholder functions are not accepted as they are too complex.'],
  ])('%s → %s', (template, code, message) => {
    const error = errorOf(() => resolvePlaceholders(template, context));
    expect(error).toMatchObject({ status: 400, error: code, message });
  });

  it('accepts 11 functions when the pipeline starts with a function', () => {
    expect(resolvePlaceholders(`{{ fn:default('a')${' | fn:upper()'.repeat(10)} }}`, context)).toBe('A');
  });

  it('keeps parser quirks: stray braces, legacy ${}, name-only functions, kept backslashes', () => {
    expect(resolvePlaceholders('{{header:nam{{espace }}', context)).toEqual(U);
    expect(resolvePlaceholders('${header:a}/${ header:a }', context)).toBe('x/x');
    expect(resolvePlaceholders('{{ header:a | upper() }}', context)).toEqual(U);
    expect(resolvePlaceholders("{{ fn:default('it\\'s') }}", context)).toBe("it\\'s");
    expect(resolvePlaceholders('{{ fn:default(fn:delete()) }}', context)).toEqual({ deleted: true });
    expect(resolvePlaceholders('{{ header :a }}', { headers: { ':a': 'colon' } })).toBe('colon');
    expect(resolvePlaceholders('a {{ b', context)).toBe('a {{ b');
    expect(resolvePlaceholders('', context)).toBe('');
    expect(resolvePlaceholders('{{ header:a}x }}', { headers: { 'a}x': 'brace' } })).toBe('brace');
  });

  it('evaluates placeholders left to right, so the first error wins', () => {
    expect(errorOf(() => resolvePlaceholders('{{ x:y }}{{ fn:nope() }}', context)).error).toBe('placeholder:unresolved');
    expect(errorOf(() => resolvePlaceholders('{{ fn:nope() }}{{ x:y }}', context)).error).toBe('placeholder:function.unknown');
  });

  it('only throws DittoErrors for hostile input', () => {
    const huge = '{{'.repeat(50_000) + 'x';
    expect(resolvePlaceholders(huge, context)).toBe(huge);
    const nested = `{{ fn:default(${'fn:default('.repeat(40)}'x'${')'.repeat(41)} }}`;
    expect(errorOf(() => resolvePlaceholders(nested, context)).error).toMatch(/^placeholder:/);
    expect(resolvePlaceholders('{{ header:__proto__ }}', context)).toEqual(U);
    expect(resolvePlaceholders('{{ header:constructor }}', context, ci)).toEqual(U);
  });

  it('turns runtime failures Ditto reports without a code into placeholder:unresolved (oracle: IllegalArgumentException)', () => {
    expect(errorOf(() => resolvePlaceholders('{{ header: }}', context)).error).toBe('placeholder:unresolved');
    expect(resolvePlaceholders('{{ header: }}', { headers: null })).toEqual(U);
    expect(errorOf(() => resolvePlaceholders("{{ fn:default('%zz') | fn:url-decode() }}", context)).error).toBe('placeholder:unresolved');
    expect(errorOf(() => resolvePlaceholders("{{ fn:default('@@') | fn:base64-decode() }}", context)).error).toBe('placeholder:unresolved');
  });
});
