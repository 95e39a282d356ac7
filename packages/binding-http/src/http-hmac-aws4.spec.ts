import { Aws4Signer } from './http-hmac-aws4.js';

// AWS Signature Version 4 test suite: credentials, date and expected signatures of its
// get-vanilla, post-vanilla and get-vanilla-query-order-key cases.
const parameters = { region: 'us-east-1', service: 'service', accessKey: 'AKIDEXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', canonicalHeaders: ['host', 'x-amz-date'] };
const now = new Date('2015-08-30T12:36:00Z');
const request = (method: string, path: string) => ({ method, host: 'example.amazonaws.com', path, headers: {}, body: undefined });

describe('Aws4Signer', () => {
  it.each([
    ['GET', '/', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'],
    ['POST', '/', '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b'],
    ['GET', '/?Param2=value2&Param1=value1', 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500'],
  ])('signs %s %s as the AWS test suite does', (method, path, signature) => {
    const headers = new Aws4Signer(parameters).sign(request(method, path), now);
    expect(headers).toEqual({
      'x-amz-date': '20150830T123600Z',
      authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
    });
  });

  it('signs only the host by default', () => {
    const { authorization } = new Aws4Signer({ ...parameters, canonicalHeaders: undefined as never }).sign(request('GET', '/'), now);
    expect(authorization).toContain('SignedHeaders=host,');
  });

  it('sends and signs the payload hash when INCLUDED, the literal UNSIGNED-PAYLOAD when UNSIGNED', () => {
    const body = new TextEncoder().encode('{}');
    const included = new Aws4Signer({ ...parameters, xAmzContentSha256: 'INCLUDED' }).sign({ ...request('POST', '/'), body }, now);
    expect(included['x-amz-content-sha256']).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(included['authorization']).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date,');
    expect(new Aws4Signer({ ...parameters, xAmzContentSha256: 'UNSIGNED' }).sign(request('POST', '/'), now)['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
    expect(() => new Aws4Signer({ ...parameters, xAmzContentSha256: 'MAYBE' })).toThrow(/xAmzContentSha256/);
  });

  it('encodes path segments twice unless doubleEncode is false, and double-encodes = in query values', () => {
    const signer = new Aws4Signer(parameters);
    const canonical = (s: Aws4Signer, path: string) => s.canonicalRequest(request('GET', path), '20150830T123600Z', 'h').split('\n').slice(1, 3);
    expect(canonical(signer, '/a%20b/c/')).toEqual(['/a%2520b/c/', '']);
    expect(canonical(new Aws4Signer({ ...parameters, doubleEncode: false }), '/a%20b/c')).toEqual(['/a%20b/c', '']);
    expect(canonical(signer, '/x?b=2&a=x%3Dy&a=1')).toEqual(['/x', 'a=1&a=x%253Dy&b=2']);
  });

  it('requires its parameters', () => {
    expect(() => new Aws4Signer({ ...parameters, region: '' })).toThrow("The HMAC parameter 'region' of 'aws4-hmac-sha256' is missing.");
  });
});
