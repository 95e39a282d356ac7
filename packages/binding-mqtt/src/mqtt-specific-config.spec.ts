import type { Connection } from '@twinlink/core';
import { parseConfigDuration } from '@twinlink/core';
import { clientIds, parseMqttSettings } from './mqtt-specific-config.js';

function connection(specificConfig: Record<string, string>, clientCount = 1): Connection {
  return { id: 'conn-1', clientCount, specificConfig } as unknown as Connection;
}

describe('clientIds', () => {
  it('defaults to the connection id and <clientId>p', () => {
    expect(clientIds(connection({}), 'abc')).toEqual({ clientId: 'conn-1', publisherId: 'conn-1p' });
    expect(clientIds(connection({ clientId: 'dev' }), 'abc')).toEqual({ clientId: 'dev', publisherId: 'devp' });
    expect(clientIds(connection({ clientId: 'dev', publisherId: 'pub' }), 'abc')).toEqual({ clientId: 'dev', publisherId: 'pub' });
  });

  it('suffixes the instance id when there are several clients', () => {
    expect(clientIds(connection({ clientId: 'dev' }, 3), 'abc')).toEqual({ clientId: 'dev_abc', publisherId: 'devp_abc' });
  });
});

describe('parseMqttSettings', () => {
  it('applies the defaults', () => {
    expect(parseMqttSettings(connection({}), 'i', parseConfigDuration)).toEqual({
      clientId: 'conn-1', publisherId: 'conn-1p', separatePublisherClient: false, cleanSession: false,
      reconnectForRedelivery: false, reconnectForRedeliveryDelayMs: 10_000, keepAliveSeconds: 60,
    });
  });

  it('parses durations with a bare number as milliseconds, truncating keep-alive seconds', () => {
    expect(parseMqttSettings(connection({ keepAlive: '60' }), 'i', parseConfigDuration).keepAliveSeconds).toBe(0);
    expect(parseMqttSettings(connection({ keepAlive: '2500ms' }), 'i', parseConfigDuration).keepAliveSeconds).toBe(2);
    expect(parseMqttSettings(connection({ reconnectForRedeliveryDelay: '100ms' }), 'i', parseConfigDuration).reconnectForRedeliveryDelayMs).toBe(1000);
  });

  it('falls back leniently for the last will and flags', () => {
    const settings = parseMqttSettings(connection({ lastWillTopic: 'w', lastWillQos: 'x', lastWillRetain: 'yes', cleanSession: ' TRUE ' }), 'i', parseConfigDuration);
    expect(settings.lastWill).toEqual({ topic: 'w', qos: 0, retain: false, payload: '' });
    expect(settings.cleanSession).toBe(true);
  });
});
