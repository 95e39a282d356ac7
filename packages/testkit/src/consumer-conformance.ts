import { expect, it } from '@jest/globals';
import type { ConsumerSpec } from '@twinlink/core';
import type { ClientHarness } from './client-harness.js';
import type { ConformanceContext } from './conformance-context.js';
import type { TestAddresses } from './conformance-options.js';
import { startFaultyTcpProxy } from './faulty-tcp-proxy.js';
import { RecordingSink } from './recording-sink.js';

const ACCEPT = { outcome: 'accepted' } as const;
const REJECT_REDELIVER = { outcome: 'rejected', redeliver: true, reason: 'conformance: redeliver' } as const;
const REJECT_DROP = { outcome: 'rejected', redeliver: false, reason: 'conformance: drop' } as const;

/** The spec of the connection's first source, which every consumer case consumes. */
export function consumerSpec(h: ClientHarness): ConsumerSpec {
  const source = h.connection.sources[0]!;
  return { sourceIndex: 0, source, address: source.addresses[0]!, consumerIndex: 0 };
}

/**
 * The cases of a binding whose connection type has sources: consumption and settlement, capacity,
 * and `connection-lost` of a consuming client on a cut peer. Declared inside the suite's `describe`.
 */
export function declareConsumerCases(context: ConformanceContext): void {
  const { options, timeout, harness, connected, quietly } = context;
  const inject = options.inject;
  if (!inject) throw new Error(`Conformance of '${options.connectionType}': the type allows sources, so the options need inject().`);
  const sourceOf = (addresses: TestAddresses): string => {
    if (addresses.source === undefined) throw new Error(`Conformance of '${options.connectionType}': addresses() must give a source address.`);
    return addresses.source;
  };

  it('consumes, and settles accepted and rejected messages', async () => {
    const addresses = options.addresses();
    const source = sourceOf(addresses);
    const h = await connected(harness(addresses));
    const sink = new RecordingSink(10);
    const consumer = await h.client.createConsumer(consumerSpec(h), sink);
    await inject(source, 'accept-me');
    (await sink.waitFor('accept-me', timeout)).settle(ACCEPT);
    await inject(source, 'drop-me');
    (await sink.waitFor('drop-me', timeout)).settle(REJECT_DROP);
    await inject(source, 'redeliver-me');
    const first = await sink.waitFor('redeliver-me', timeout);
    const seen = sink.deliveries.length;
    first.settle(REJECT_REDELIVER);
    if (options.redeliversOnReject ?? true) {
      const again = await Promise.race([sink.waitFor('redeliver-me', timeout, seen), h.nextEvent('connection-lost', timeout)]);
      if ('type' in again) {
        await consumer.stop('now');
        await h.client.disconnect();
        await connected(h);
        const fresh = new RecordingSink(10, ACCEPT);
        await h.client.createConsumer(consumerSpec(h), fresh);
        await fresh.waitFor('redeliver-me', timeout);
        await quietly();
        expect(fresh.deliveries.map((d) => d.text)).not.toContain('accept-me');
        expect(fresh.deliveries.map((d) => d.text)).not.toContain('drop-me');
      } else {
        again.settle(ACCEPT);
      }
    }
    await h.client.disconnect();
  });

  it('holds no more unsettled messages than the sink capacity', async () => {
    const addresses = options.addresses();
    const source = sourceOf(addresses);
    const h = await connected(harness(addresses));
    const sink = new RecordingSink(2);
    await h.client.createConsumer(consumerSpec(h), sink);
    for (let i = 0; i < 6; i++) await inject(source, `m${i}`);
    await sink.waitFor('m1', timeout);
    await quietly();
    expect(sink.maxUnsettled).toBeLessThanOrEqual(2);
    for (let i = 0; i < 6; i++) {
      (await sink.waitFor(`m${i}`, timeout)).settle(ACCEPT);
    }
    expect(sink.maxUnsettled).toBeLessThanOrEqual(2);
    await h.client.disconnect();
  });

  it('reports connection-lost when the peer goes away, and works again after reconnecting', async () => {
    const proxy = await startFaultyTcpProxy(options.endpoint);
    try {
      const addresses = options.addresses();
      const h = await connected(harness(addresses, { host: '127.0.0.1', port: proxy.port }));
      await h.client.createConsumer(consumerSpec(h), new RecordingSink(10, ACCEPT));
      proxy.cut();
      const lost = await h.nextEvent('connection-lost', timeout);
      expect(lost.type === 'connection-lost' && lost.error.name).toBe('BindingError');
      await h.client.disconnect();
      await connected(h);
      const sink = new RecordingSink(10, ACCEPT);
      await h.client.createConsumer(consumerSpec(h), sink);
      await inject(sourceOf(addresses), 'after-reconnect');
      await sink.waitFor('after-reconnect', timeout);
      await h.client.disconnect();
      expect(proxy.openConnections).toBe(0);
    } finally {
      await proxy.close();
    }
  });
}
