import { randomUUID } from 'node:crypto';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';

/** Connects once, without retries, so a refused connection surfaces as a rejection. */
export function connectOnce(url: string, options: IClientOptions = {}): Promise<MqttClient> {
  return connectAsync(url, { reconnectPeriod: 0, connectTimeout: 5_000, ...options }, false);
}

/**
 * Subscribes to a fresh topic, publishes one QoS 1 message to it over the same connection and
 * returns the payload that came back.
 */
export async function mqttRoundTrip(url: string, options: IClientOptions = {}): Promise<string> {
  const client = await connectOnce(url, options);
  try {
    const topic = `twinlink/test/${randomUUID()}`;
    const received = new Promise<string>((resolve) => {
      client.on('message', (t, payload) => {
        if (t === topic) resolve(payload.toString());
      });
    });
    await client.subscribeAsync(topic, { qos: 1 });
    await client.publishAsync(topic, 'hello broker', { qos: 1 });
    return await received;
  } finally {
    await client.endAsync();
  }
}
