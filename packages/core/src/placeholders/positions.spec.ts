import { compileTemplate } from './compile-template.js';
import { allConditionsHold, applyAckFilter, evaluateCondition } from './conditions.js';
import { resolveAllOrError, resolveFirstOrDrop, resolveFirstOrError, resolveFirstOrSkip, resolveKeepLiteral } from './positions.js';
import { validateTemplate } from './validate-template.js';

const context = { headers: { a: 'x', tags: 'a,b', qos: '0' }, connectionId: 'c1' };

describe('position helpers', () => {
  it('first-or-skip / first-or-drop give the first value or undefined', () => {
    expect(resolveFirstOrSkip("{{ header:tags | fn:split(',') }}", context)).toBe('a');
    expect(resolveFirstOrSkip('{{ header:missing }}', context)).toBeUndefined();
    expect(resolveFirstOrDrop('{{ fn:delete() }}', context)).toBeUndefined();
  });

  it('all-or-error / first-or-error throw placeholder:unresolved naming the template', () => {
    expect(resolveAllOrError("id:{{ header:tags | fn:split(',') }}", context)).toEqual(['id:a', 'id:b']);
    expect(resolveFirstOrError('{{ header:a }}', context)).toBe('x');
    expect(() => resolveFirstOrError('p-{{ header:missing }}', context)).toThrow(
      expect.objectContaining({ error: 'placeholder:unresolved', message: "The placeholder 'p-{{ header:missing }}' could not be resolved." }) as Error,
    );
    expect(() => resolveAllOrError('{{ fn:delete() }}', context)).toThrow(expect.objectContaining({ error: 'placeholder:unresolved' }) as Error);
  });

  it('keep-literal returns the template when nothing resolves', () => {
    expect(resolveKeepLiteral('{{ header:missing }}', context)).toBe('{{ header:missing }}');
    expect(resolveKeepLiteral('{{ header:a }}', context)).toBe('x');
  });

  it('compiled templates evaluate many times against different contexts', () => {
    const compiled = compileTemplate('{{ header:A }}-{{ connection:id }}');
    expect(compiled.hasPlaceholders).toBe(true);
    expect(compiled.evaluate(context, { caseInsensitiveHeaders: true })).toEqual({ kind: 'resolved', values: ['x-c1'] });
    expect(compiled.evaluate({ headers: { a: 'y' }, connectionId: 'c2' }, { caseInsensitiveHeaders: true })).toEqual({ kind: 'resolved', values: ['y-c2'] });
    expect(compileTemplate('plain').hasPlaceholders).toBe(false);
  });
});

describe('conditions and the acknowledgement filter', () => {
  it('a condition holds when {{ fn:default(\'true\') | c }} resolves', () => {
    expect(evaluateCondition("fn:filter(header:A,'eq','x')", context)).toBe(true);
    expect(evaluateCondition("fn:filter(header:a,'eq','y')", context)).toBe(false);
    expect(evaluateCondition('fn:delete()', context)).toBe(false);
    expect(allConditionsHold([], context)).toBe(true);
    expect(allConditionsHold(["fn:filter(header:a,'eq','x')", "fn:filter(header:qos,'eq','1')"], context)).toBe(false);
  });

  it('ack filter: clear, replace or keep requested-acks (connection-model.md §5.2)', () => {
    expect(applyAckFilter("fn:filter(header:qos,'ne','0')", '["twin-persisted"]', context)).toEqual({ action: 'clear' });
    expect(applyAckFilter("fn:filter(header:qos,'eq','0')", '["twin-persisted"]', context)).toEqual({ action: 'set', value: '["twin-persisted"]' });
    expect(applyAckFilter("fn:filter(header:qos,'eq','0')", undefined, context)).toEqual({ action: 'keep' });
    expect(applyAckFilter("fn:default('[\"custom\"]')", undefined, context)).toEqual({ action: 'set', value: '["custom"]' });
    expect(applyAckFilter('fn:delete()', undefined, context)).toEqual({ action: 'clear' });
    expect(applyAckFilter("fn:filter(header:qos,'eq','0')", "['x']", context)).toEqual({ action: 'set', value: '[]' });
  });
});

describe('validation mode', () => {
  it('replaces known placeholders by the dummy and runs functions', () => {
    expect(validateTemplate('{{ header:x | fn:upper() }}/{{ thing:id }}', ['header', 'thing'], 'd')).toEqual({ kind: 'resolved', values: ['D/d'] });
    expect(validateTemplate('{{ time:now-1h }}', ['time'])).toEqual({ kind: 'resolved', values: [''] });
  });

  it('throws the raw placeholder errors', () => {
    expect(() => validateTemplate('{{ thing:id }}', ['header'])).toThrow(expect.objectContaining({ error: 'placeholder:unresolved' }) as Error);
    expect(() => validateTemplate('{{ time:later }}', ['time'])).toThrow(expect.objectContaining({ error: 'placeholder:unresolved' }) as Error);
    expect(() => validateTemplate('{{ header:x | fn:nope() }}', ['header'])).toThrow(expect.objectContaining({ error: 'placeholder:function.unknown' }) as Error);
    expect(() => validateTemplate(`{{ header:x${' | fn:trim()'.repeat(11)} }}`, ['header'])).toThrow(
      expect.objectContaining({ error: 'placeholder:function.too.complex' }) as Error,
    );
  });
});
