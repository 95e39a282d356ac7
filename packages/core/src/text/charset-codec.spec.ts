import { encodeWithCharset } from './charset-codec.js';

describe('encodeWithCharset', () => {
  it('defaults to UTF-8', () => {
    expect(Buffer.from(encodeWithCharset('ä', undefined)).toString('hex')).toBe('c3a4');
    expect(Buffer.from(encodeWithCharset('ä', 'text/plain')).toString('hex')).toBe('c3a4');
  });

  it('honours the charset parameter, case and quotes ignored', () => {
    expect(Buffer.from(encodeWithCharset('ä', 'text/plain; charset=ISO-8859-1')).toString('hex')).toBe('e4');
    expect(Buffer.from(encodeWithCharset('a', 'text/plain;charset="UTF-16LE"')).toString('hex')).toBe('6100');
  });

  it('falls back to UTF-8 for unknown charsets', () => {
    expect(Buffer.from(encodeWithCharset('ä', 'text/plain; charset=x-unknown')).toString('hex')).toBe('c3a4');
  });
});
