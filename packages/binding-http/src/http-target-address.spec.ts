import { requestTarget, splitTargetAddress } from './http-target-address.js';

describe('splitTargetAddress', () => {
  it('splits at the first colon', () => {
    expect(splitTargetAddress('POST:/a:b')).toEqual({ method: 'POST', path: '/a:b' });
    expect(splitTargetAddress('POST:')).toEqual({ method: 'POST', path: '' });
    expect(splitTargetAddress('/a')).toBeUndefined();
  });
});

describe('requestTarget', () => {
  it.each([
    ['', '/api', '/api'],
    ['/base', '/api', '/base/api'],
    ['/base/', '/api', '/base/api'],
    ['/base', 'api', '/base/api'],
    ['/base', '', '/base/'],
    ['', '', '/'],
    ['/base', '?a=1', '/base?a=1'],
    ['', 'events#thing/x', '/events'],
    ['/b', '/x y/ä', '/b/x%20y/%C3%A4'],
    ['/b', '/already%20encoded', '/b/already%20encoded'],
  ])('base %j + path %j → %j', (base, path, expected) => {
    expect(requestTarget(base, path, {})).toBe(expected);
  });

  it('replaces the whole path with http.path and the query with http.query, case-insensitively', () => {
    expect(requestTarget('/base', '/api?x=1', { 'HTTP.PATH': 'other/p' })).toBe('/other/p?x=1');
    expect(requestTarget('/base', '/api?x=1', { 'http.query': 'a=b&c=d' })).toBe('/base/api?a=b&c=d');
    expect(requestTarget('/base', '/api?x=1', { 'http.path': '/p', 'http.query': '' })).toBe('/p');
  });
});
