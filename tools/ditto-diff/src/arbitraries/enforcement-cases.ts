import fc from 'fast-check';

/** The three arguments of `checkEnforcement`. */
export interface EnforcementCase {
  readonly enforcement: { input: string; filters: string[] };
  readonly message: { headers: Record<string, string>; sourceAddress?: string };
  readonly entity: { type: 'thing' | 'policy'; id: string };
}

const IDS = ['org.acme:sensor-1', 'org.acme:other', 'ns:n'];

const headerInput = fc.constantFrom(
  '{{ header:device_id }}', '{{header:device_id}}', '{{ header:Device_Id }}', '{{ header:missing }}', '{{ source:address }}',
  '{{source:address}}', 'devices/{{ header:device_id }}', '{{ header:device_id | fn:lower() }}',
  '{{ header:device_id | fn:substring-after(\':\') }}', '{{ fn:nope() }}', '{{ thing:id }}', 'org.acme:sensor-1', '{{ header:device_id',
  "{{ header:missing | fn:default('ns:n') }}",
);

const addressInput = fc.constantFrom('{{ source:address }}', '{{ source:address }}/x', 'devices/{{ source:address }}', "{{ source:address }}{{ fn:default('') }}");

const filter = fc.constantFrom(
  '{{ thing:id }}', '{{ thing:name }}', '{{ thing:namespace }}:{{ thing:name }}', '{{ policy:id }}', '{{ entity:id }}',
  'devices/{{ thing:id }}', 'devices/{{ entity:id }}', '{{ thing:id | fn:upper() }}', '{{ thing:id | fn:lower() }}', '{{ fn:nope() }}',
  '{{ header:device_id }}', 'org.acme:sensor-1', '{{ thing:id }}/x', '{{ thing:id | fn:substring-after(\':\') }}', '{{ policy:name }}',
  '{{ entity:namespace }}:{{ entity:name }}', '{{ thing:uuid }}', '{{ thing:id | fn:delete() }}', "{{ thing:missing | fn:default('ns:n') }}",
);

const headerValue = fc.constantFrom(...IDS, 'devices/org.acme:sensor-1', 'ORG.ACME:SENSOR-1', 'sensor-1', '');

/** Enforcement inputs and filters, MQTT-style and header-based messages, thing and policy entities. */
export const enforcementCase: fc.Arbitrary<EnforcementCase> = fc
  .record({
    mqtt: fc.boolean(),
    headerInput,
    addressInput,
    filters: fc.array(filter, { maxLength: 3 }),
    headers: fc.dictionary(fc.constantFrom('device_id', 'Device_Id', 'other'), headerValue, { maxKeys: 2 }),
    sourceAddress: headerValue,
    entity: fc.record({ type: fc.constantFrom('thing' as const, 'policy' as const), id: fc.constantFrom(...IDS) }),
  })
  .map((r) => ({
    enforcement: { input: r.mqtt ? r.addressInput : r.headerInput, filters: r.filters },
    message: r.mqtt ? { headers: r.headers, sourceAddress: r.sourceAddress } : { headers: r.headers },
    entity: r.entity,
  }));
