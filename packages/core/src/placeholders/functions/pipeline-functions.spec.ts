import { resolvePlaceholders } from '../resolve-placeholders.js';
import { javaRegex, javaSplit } from './java-regex.js';
import { javaBase64Decode } from './fn-base64-decode.js';
import { javaUrlDecode } from './fn-url-decode.js';
import { javaUrlEncode } from './fn-url-encode.js';

const U = { unresolved: true };
const D = { deleted: true };
const ctx = { headers: { a: 'x', empty: '', list: 'a,b,,', qos: '0', json: '{"id":1,"tags":["t1","t2"],"items":[{"n":"i1"},{"n":"i2"}],"user":{"name":"u"}}' } };
const r = (template: string): unknown => resolvePlaceholders(template, ctx);

describe('pipeline functions', () => {
  it('fn:default applies only to unresolved input and resolves its parameter first', () => {
    expect(r("{{ header:missing | fn:default('d') }}")).toBe('d');
    expect(r("{{ header:a | fn:default('d') }}")).toBe('x');
    expect(r("{{ fn:delete() | fn:default('d') }}")).toEqual(D);
    expect(r('{{ header:missing | fn:default(header:missing) }}')).toEqual(U);
    expect(r('{{ header:missing | fn:default("dq") }}')).toBe('dq');
  });

  it('fn:substring-before / fn:substring-after use the first occurrence and drop values without it', () => {
    expect(r("{{ fn:default('a:b:c') | fn:substring-before(':') }}")).toBe('a');
    expect(r("{{ fn:default('a:b:c') | fn:substring-after(':') }}")).toBe('b:c');
    expect(r("{{ header:a | fn:substring-before('#') }}")).toEqual(U);
    expect(() => r('{{ header:a | fn:substring-before(header:a) }}')).toThrow(expect.objectContaining({ error: 'placeholder:function.signature.invalid' }) as Error);
  });

  it('fn:lower / fn:upper / fn:trim work per value; trim strips only chars up to U+0020', () => {
    expect(r("{{ fn:default('AbC') | fn:lower() }}")).toBe('abc');
    expect(r("{{ fn:default('AbC') | fn:upper() }}")).toBe('ABC');
    expect(resolvePlaceholders('{{ header:a | fn:trim() }}', { headers: { a: '\t x\u00a0 ' } })).toBe('x\u00a0');
    expect(r('{{ header:a | fn:lower( ) }}')).toBe('x');
  });

  it('fn:url-encode / fn:url-decode follow Java URLEncoder / URLDecoder', () => {
    expect(javaUrlEncode('a b~*._-ä/')).toBe('a+b%7E*._-%C3%A4%2F');
    expect(javaUrlEncode('\uD800')).toBe('%3F');
    expect(javaUrlDecode('a+b%7E%C3%A4%+F')).toBe('a b~ä\u000f');
    expect(() => javaUrlDecode('%zz')).toThrow();
    expect(() => javaUrlDecode('%-1')).toThrow();
    expect(() => javaUrlDecode('abc%4')).toThrow();
  });

  it('fn:base64-encode / fn:base64-decode are standard Base64 with strict decoding', () => {
    expect(r("{{ fn:default('ditto') | fn:base64-encode() }}")).toBe('ZGl0dG8=');
    expect(r("{{ fn:default('ZGl0dG8') | fn:base64-decode() }}")).toBe('ditto');
    expect(Buffer.from(javaBase64Decode('YQ==')).toString()).toBe('a');
    expect(() => javaBase64Decode('YQ=')).toThrow();
    expect(() => javaBase64Decode('Y')).toThrow();
    expect(() => javaBase64Decode('YQ==YQ==')).toThrow();
    expect(() => javaBase64Decode('Y Q==')).toThrow();
  });

  it('fn:delete always yields deleted and rejects parameters', () => {
    expect(r('{{ header:missing | fn:delete() }}')).toEqual(D);
    expect(r("{{ fn:delete() | fn:upper() | fn:default('x') }}")).toEqual(D);
    expect(() => r("{{ fn:delete('x') }}")).toThrow(expect.objectContaining({ error: 'placeholder:function.signature.invalid' }) as Error);
  });

  it('fn:replace replaces every literal occurrence; quirks of unresolved/extra parameters', () => {
    expect(r("{{ fn:default('a.b.c') | fn:replace('.', '$&') }}")).toBe('a$&b$&c');
    expect(r("{{ header:a | fn:replace('x','y','z') }}")).toBe('y');
    expect(r("{{ header:a | fn:replace(header:missing,'-') }}")).toBe('-x-');
  });

  it('fn:split uses Java regex semantics and drops trailing empty strings', () => {
    expect(r("{{ header:list | fn:split(',') }}")).toEqual(['a', 'b']);
    expect(r("{{ header:a | fn:split(',') }}")).toBe('x');
    expect(r("{{ fn:default('a.b') | fn:split('.') }}")).toEqual(U);
    // Ditto splits only values that contain the separator text literally
    expect(r("{{ fn:default('a1b22c') | fn:split('[0-9]+') }}")).toBe('a1b22c');
    expect(r("{{ fn:default('a[0-9]+b1c') | fn:split('[0-9]+') }}")).toEqual(['a[', '-', ']+b', 'c']);
    expect(r("{{ header:missing | fn:split(',') }}")).toEqual(U);
    expect(r("{{ fn:delete() | fn:split(',') }}")).toEqual(U);
    expect(() => r("{{ fn:default('a(b') | fn:split('(') }}")).toThrow(expect.objectContaining({ error: 'placeholder:function.signature.invalid' }) as Error);
    expect(javaSplit('abc', javaRegex(''))).toEqual(['a', 'b', 'c']);
    expect(javaSplit(',a', javaRegex(','))).toEqual(['', 'a']);
    expect(javaSplit('a\nb', javaRegex('.'))).toEqual(['', '\n']);
    expect(javaSplit('a+b', javaRegex('\\Q+\\E'))).toEqual(['a', 'b']);
  });

  it('fn:join joins all values; no value or deleted → unresolved', () => {
    expect(r("{{ header:list | fn:split(',') | fn:join('-') }}")).toBe('a-b');
    expect(r("{{ header:missing | fn:join('-') }}")).toEqual(U);
    expect(r("{{ fn:delete() | fn:join('-') }}")).toEqual(U);
  });

  it('fn:filter forms 1–4', () => {
    expect(r("{{ header:a | fn:filter(header:qos,'eq','0') }}")).toBe('x');
    expect(r("{{ header:a | fn:filter(header:qos,'ne','0') }}")).toEqual(U);
    expect(r("{{ header:a | fn:filter(header:missing,'ne','0') }}")).toBe('x');
    expect(r("{{ header:a | fn:filter(header:missing,'foo','0') }}")).toEqual(U);
    expect(r("{{ header:a | fn:filter(header:a,'exists') }}")).toBe('x');
    expect(r("{{ header:a | fn:filter(header:empty,'exists') }}")).toEqual(U);
    expect(r("{{ header:a | fn:filter('eq','x') }}")).toBe('x');
    expect(r("{{ header:a | fn:filter('eq',header:missing) }}")).toEqual(U);
    expect(r("{{ header:empty | fn:filter('exists','FALSE') }}")).toBe('');
    expect(r("{{ header:a | fn:filter('like','?') }}")).toBe('x');
    expect(r("{{ fn:delete() | fn:filter('eq','x') }}")).toEqual(D);
    expect(() => r("{{ header:a | fn:filter('a','b','c','d') }}")).toThrow(expect.objectContaining({ error: 'placeholder:function.signature.invalid' }) as Error);
  });

  it('like globs: * zero or more, ? exactly one, | whole alternatives, no line terminators', () => {
    const like = (value: string, pattern: string) => resolvePlaceholders(`{{ header:v | fn:filter('like','${pattern}') }}`, { headers: { v: value } });
    expect(like('org.acme:', 'org.acme:*')).toBe('org.acme:');
    expect(like('abc', 'a?c')).toBe('abc');
    expect(like('ac', 'a?c')).toEqual(U);
    expect(like('b', 'a|b')).toBe('b');
    expect(like('abc', 'a.c')).toEqual(U);
    expect(like('a\nb', 'a*b')).toEqual(U);
    expect(like('A', 'a')).toEqual(U);
  });

  // fn:format is missing in Ditto 3.8.0 (the oracle answers function.unknown); the spec is followed here.
  it('fn:format renders fields, pointers, sections and escapes per JSON value', () => {
    expect(r("{{ header:json | fn:format('{id}/{/user/name}') }}")).toBe('1/u');
    expect(r("{{ header:json | fn:format('{tags}') }}")).toEqual(['t1', 't2']);
    expect(r("{{ header:json | fn:format('{#items}[{n}]{/items}') }}")).toEqual(['[i1]', '[i2]']);
    expect(r("{{ header:json | fn:format('{#tags}<{.}>{/tags}') }}")).toEqual(['<t1>', '<t2>']);
    expect(r("{{ header:json | fn:format('\\{id\\}={missing}') }}")).toBe('{id}=');
    expect(r("{{ header:a | fn:format('{id}') }}")).toBe('');
    expect(r("{{ header:missing | fn:format('{id}') }}")).toEqual(U);
    expect(r("{{ fn:delete() | fn:format('{id}') }}")).toBe('');
    expect(() => r("{{ header:json | fn:format('{#items}') }}")).toThrow(expect.objectContaining({ error: 'placeholder:function.signature.invalid' }) as Error);
  });
});
