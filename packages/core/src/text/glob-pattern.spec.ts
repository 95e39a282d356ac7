import { compileGlob } from './glob-pattern.js';

describe('compileGlob', () => {
  it.each([
    ['org.acme:', 'org.acme:*', true], ['abc', 'a?c', true], ['ac', 'a?c', false], ['a.c', 'a.c', true], ['abc', 'a.c', false],
    ['a\nb', 'a*b', false], ['a\nb', 'a?b', false], ['😀', '?', true], ['A', 'a', false], ['', '*', true], ['ab', '**b', true],
    ['a|b', 'a|b', true], ['b', 'a|b', false], ['x(y)', 'x(*)', true],
  ])('%j against %j → %s', (value, pattern, expected) => {
    expect(compileGlob(pattern)(value)).toBe(expected);
  });

  it('reads | as alternatives on request', () => {
    const glob = compileGlob('*:sensor-?|com.*', { alternatives: true });
    expect(glob('org.acme:sensor-1')).toBe(true);
    expect(glob('com.x')).toBe(true);
    expect(glob('org.acme:sensor-12')).toBe(false);
  });

  it('compares case-insensitively on request', () => {
    expect(compileGlob('ACME*', { caseInsensitive: true })('acme sons')).toBe(true);
  });

  it('stays linear on patterns that make backtracking matchers explode', () => {
    const text = 'a'.repeat(20_000);
    expect(compileGlob('*a*a*a*a*a*a*a*a*b')(text)).toBe(false);
  });
});
