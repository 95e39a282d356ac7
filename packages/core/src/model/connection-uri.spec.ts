import { maskPassword, parseConnectionUri } from './connection-uri.js';

describe('parseConnectionUri', () => {
  it('splits scheme, decoded credentials, host, port and path', () => {
    expect(parseConnectionUri('amqps://us%40er:p%3Ass@broker.example.com:5671/vhost')).toEqual({
      scheme: 'amqps', username: 'us@er', password: 'p:ss', host: 'broker.example.com', port: 5671, path: '/vhost',
    });
  });

  it('recognises credentials only when the user-info contains a colon', () => {
    const uri = parseConnectionUri('tcp://user@host:1883');
    expect(uri.username).toBeUndefined();
    expect(uri.password).toBeUndefined();
  });

  it('accepts IPv6 literals', () => {
    expect(parseConnectionUri('tcp://[::1]:1883')).toMatchObject({ host: '::1', port: 1883 });
  });

  it.each(['tcp://host', 'tcp://host:0', 'tcp://host:70000', 'tcp://host:1883?x=1', 'tcp://host:1883#f', 'host:1883', 'tcp://:1883', 'tcp://u:%zz@host:1'])(
    'rejects %s with connectivity:connection.uri.invalid',
    (uri) => {
      expect(() => parseConnectionUri(uri)).toThrow(expect.objectContaining({ status: 400, error: 'connectivity:connection.uri.invalid' }));
    },
  );

  it('yields empty parts for a blank URI so that the scheme check reports it', () => {
    expect(parseConnectionUri('  ')).toEqual({ scheme: '', host: '', port: 0, path: '' });
  });

  it('never shows the password in its error message', () => {
    expect(() => parseConnectionUri('tcp://user:secret@host')).toThrow(expect.not.objectContaining({ message: expect.stringContaining('secret') }));
  });
});

describe('maskPassword', () => {
  it('masks the password of the user-info', () => {
    expect(maskPassword('amqp://user:secret@host:5672/vh')).toBe('amqp://user:*****@host:5672/vh');
    expect(maskPassword('tcp://host:1883')).toBe('tcp://host:1883');
    expect(maskPassword('not a uri')).toBe('not a uri');
  });
});
