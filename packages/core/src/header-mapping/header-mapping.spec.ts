import { applyHeaderMapping, compileHeaderMapping, mergeMappedHeaders } from './apply-header-mapping.js';
import { isInternalHeader } from '../protocol/headers.js';
import { resolveAuthorizationSubjects } from './resolve-authorization-subjects.js';

describe('header mapping', () => {
  const context = { headers: { 'Correlation-Id': 'c-1', tags: 'a,b' }, thingId: 'ns:t' };

  it('resolves entries case-insensitively, first value wins, skips unresolved/deleted and internal keys', () => {
    const mapping = compileHeaderMapping({
      'correlation-id': '{{ header:correlation-id }}',
      tag: "{{ header:tags | fn:split(',') }}",
      thing: '{{ thing:name }}',
      missing: '{{ header:missing }}',
      removed: '{{ fn:delete() }}',
      'ditto-origin': 'x',
      Channel: 'live',
      constant: 'c',
      ignored: 42,
      __proto__: 'p',
    });
    expect(applyHeaderMapping(mapping, context)).toEqual({ 'correlation-id': 'c-1', tag: 'a', thing: 't', constant: 'c' });
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
  });

  it('accepts a plain mapping object and throws placeholder errors for broken templates', () => {
    expect(applyHeaderMapping({ x: '{{ thing:id }}' }, context)).toEqual({ x: 'ns:t' });
    expect(() => applyHeaderMapping({ x: '{{ policy:id }}' }, context)).toThrow(expect.objectContaining({ error: 'placeholder:unresolved' }) as Error);
  });

  it('merges with mapper headers: mapper wins inbound, mapping wins outbound (names ignore case)', () => {
    expect(mergeMappedHeaders({ 'Content-Type': 'a' }, { 'content-type': 'b', x: '1' }, 'mapper')).toEqual({ 'Content-Type': 'a', x: '1' });
    expect(mergeMappedHeaders({ 'Content-Type': 'a', y: '2' }, { 'content-type': 'b' }, 'mapping')).toEqual({ 'content-type': 'b', y: '2' });
  });

  it('knows the internal headers', () => {
    expect(['ditto-origin', 'DITTO-x', 'channel', 'read-subjects', 'subject', 'raw-request-url', 'timeout-access'].every(isInternalHeader)).toBe(true);
    expect(isInternalHeader('correlation-id')).toBe(false);
  });
});

describe('authorization subjects', () => {
  const headers = { device: 'd1', tags: 'a, b' };

  it('expands multi-valued subjects and keeps literal ones', () => {
    expect(resolveAuthorizationSubjects(['integration:x', "device:{{ header:tags | fn:split(',') | fn:trim() }}"], headers)).toEqual([
      'integration:x',
      'device:a',
      'device:b',
    ]);
    expect(resolveAuthorizationSubjects(['integration:x'], {})).toEqual(['integration:x']);
  });

  it('uses exact-case header names and fails for any other prefix', () => {
    expect(() => resolveAuthorizationSubjects(['{{ header:Device }}'], headers)).toThrow(
      expect.objectContaining({ error: 'placeholder:unresolved', message: "The placeholder '{{ header:Device }}' could not be resolved." }) as Error,
    );
    expect(() => resolveAuthorizationSubjects(['{{ connection:id }}'], headers)).toThrow(expect.objectContaining({ error: 'placeholder:unresolved' }) as Error);
  });
});
