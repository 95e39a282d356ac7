import type { IPublishPacket } from 'mqtt';
import { inboundMessage, publishRequest } from './mqtt-headers.js';

function packet(overrides: Partial<IPublishPacket> = {}): IPublishPacket {
  return { cmd: 'publish', topic: 'a/b', payload: Buffer.from('hällo'), qos: 1, retain: false, dup: false, messageId: 7, ...overrides };
}

describe('inboundMessage', () => {
  it('has the three pseudo headers, bytes and UTF-8 text for MQTT 3.1.1', () => {
    const properties = { contentType: 'text/plain', userProperties: { x: 'y' } };
    const message = inboundMessage(packet({ retain: true, properties }), 3);
    expect(message.headers).toEqual({ 'mqtt.topic': 'a/b', 'mqtt.qos': '1', 'mqtt.retain': 'true' });
    expect(message.textPayload).toBe('hällo');
    expect(Buffer.from(message.bytePayload!).toString('utf8')).toBe('hällo');
    expect(message.sourceAddress).toBe('a/b');
  });

  it('maps MQTT 5 properties and user properties, never overriding the reserved names', () => {
    const properties = {
      messageExpiryInterval: 30,
      correlationData: Buffer.from('corr-1'),
      responseTopic: 'replies/1',
      contentType: 'application/json; charset=ISO-8859-1',
      userProperties: { device: 'd1', 'mqtt.topic': 'spoofed', 'content-type': 'spoofed', multi: ['1', '2'] },
    };
    const message = inboundMessage(packet({ properties }), 5);
    expect(message.headers).toEqual({
      'mqtt.topic': 'a/b', 'mqtt.qos': '1', 'mqtt.retain': 'false', 'mqtt.message-expiry-interval': '30',
      'correlation-id': 'corr-1', 'reply-to': 'replies/1', 'content-type': 'application/json; charset=ISO-8859-1', device: 'd1', multi: '2',
    });
    expect(message.textPayload).toBe('hällo');
    expect(message.contentType).toBe('application/json; charset=ISO-8859-1');
  });
});

describe('publishRequest', () => {
  const outbound = (headers: Record<string, string>, extra: object = {}) => ({ address: 'out/t', qos: 1, headers, textPayload: 'ä', ...extra });

  it('uses address and target qos, retain false, UTF-8 text by default', () => {
    expect(publishRequest(outbound({}), 3)).toEqual({ topic: 'out/t', payload: Buffer.from('ä'), qos: 1, retain: false });
  });

  it('lets control headers override topic, qos and retain', () => {
    const request = publishRequest(outbound({ 'mqtt.topic': 'other', 'mqtt.qos': ' 2 ', 'mqtt.retain': ' TRUE ' }), 3);
    expect(request).toMatchObject({ topic: 'other', qos: 2, retain: true });
  });

  it.each([
    [{ 'mqtt.topic': 'a/#' }],
    [{ 'mqtt.qos': '3' }],
    [{ 'mqtt.qos': 'one' }],
    [{ 'mqtt.retain': 'yes' }],
  ])('rejects %j with 400', (headers) => {
    expect(() => publishRequest(outbound(headers), 3)).toThrow(expect.objectContaining({ kind: 'rejected', status: 400 }));
  });

  it('maps MQTT 5 properties and user properties with effective control values', () => {
    const headers = { 'correlation-id': 'c1', 'reply-to': 'r/1', 'content-type': 'text/plain; charset=iso-8859-1', 'mqtt.qos': '0', 'mqtt.message-expiry-interval': '15', custom: 'v', blank: ' ' };
    const request = publishRequest(outbound(headers), 5);
    expect(request.payload).toEqual(Buffer.from([0xe4]));
    expect(request.properties).toEqual({
      messageExpiryInterval: 15,
      correlationData: Buffer.from('c1'),
      responseTopic: 'r/1',
      contentType: 'text/plain; charset=iso-8859-1',
      userProperties: { 'mqtt.qos': '0', 'mqtt.message-expiry-interval': '15', custom: 'v' },
    });
  });

  it('sends bytes as they are and treats expiry 0 as no expiry', () => {
    const request = publishRequest({ address: 't', headers: { 'mqtt.message-expiry-interval': '0' }, bytePayload: new Uint8Array([1, 2]) }, 5);
    expect(request.payload).toEqual(Buffer.from([1, 2]));
    expect(request.properties?.messageExpiryInterval).toBeUndefined();
  });

  it.each([[{ 'mqtt.message-expiry-interval': 'soon' }], [{ 'reply-to': 'r/+' }]])('rejects MQTT 5 headers %j', (headers) => {
    expect(() => publishRequest(outbound(headers), 5)).toThrow(expect.objectContaining({ status: 400 }));
  });
});
