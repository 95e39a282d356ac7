import { BindingError } from '@twinlink/core';
import { connectError } from './mqtt-errors.js';

function withCode(message: string, code: number | string): Error {
  return Object.assign(new Error(message), { code });
}

describe('connectError', () => {
  it.each([
    [withCode('Connection refused: Not authorized', 5), 'auth'],
    [withCode('Connection refused: Bad username or password', 134), 'auth'],
    [withCode('Connection refused: Client Identifier not valid', 133), 'misconfigured'],
    [withCode('Connection refused: Server unavailable', 136), 'transient'],
    [withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'), 'misconfigured'],
    [withCode('self-signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN'), 'misconfigured'],
    [withCode('Hostname/IP does not match', 'ERR_TLS_CERT_ALTNAME_INVALID'), 'misconfigured'],
    [withCode('socket hang up', 'ECONNRESET'), 'transient'],
    [new Error('whatever'), 'transient'],
  ])('%s → %s', (error, kind) => {
    expect(connectError(error).kind).toBe(kind);
  });

  it('keeps BindingErrors as they are', () => {
    const error = new BindingError('X', 'misconfigured', 'blocked');
    expect(connectError(error)).toBe(error);
  });
});
