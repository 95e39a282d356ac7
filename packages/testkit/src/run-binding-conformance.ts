import { describe, expect, it } from '@jest/globals';
import { BINDING_API_VERSION, isApiCompatible, isBindingDefinition, validateConnection } from '@twinlink/core';
import type { ConsumerSpec } from '@twinlink/core';
import fc from 'fast-check';
import { createClientHarness } from './client-harness.js';
import type { ClientHarness } from './client-harness.js';
import type { ConformanceOptions, TestAddresses } from './conformance-options.js';
import { startFaultyTcpProxy } from './faulty-tcp-proxy.js';
import { RecordingSink } from './recording-sink.js';

const ACCEPT = { outcome: 'accepted' } as const;
const REJECT_REDELIVER = { outcome: 'rejected', redeliver: true, reason: 'conformance: redeliver' } as const;
const REJECT_DROP = { outcome: 'rejected', redeliver: false, reason: 'conformance: drop' } as const;

/**
 * Declares a jest suite that checks a binding against a real endpoint: definition shape and API
 * compatibility, validation that never throws, connect/disconnect idempotence, consumption and
 * settlement, capacity, publishing outcomes, `connection-lost` on a cut peer and reuse after it,
 * and no leaked sockets. Call it at the top level of a `*.contract.spec.ts` or `*.int.spec.ts`.
 * @public
 */
export function runBindingConformance(options: ConformanceOptions): void {
  const timeout = options.timeoutMs ?? 10_000;
  const quiet = options.quietMs ?? 1_000;
  const { binding, connectionType } = options;
  const harness = (addresses: TestAddresses, endpoint = options.endpoint) => createClientHarness(binding, options.connection(endpoint, addresses));
  const consumerSpec = (h: ClientHarness): ConsumerSpec => {
    const source = h.connection.sources[0]!;
    return { sourceIndex: 0, source, address: source.addresses[0]!, consumerIndex: 0 };
  };
  const connected = async (h: ClientHarness) => {
    await h.client.connect(AbortSignal.timeout(timeout));
    return h;
  };
  const quietly = () => new Promise((resolve) => setTimeout(resolve, quiet));

  describe(`binding conformance: ${binding.packageName} (${connectionType})`, () => {
    it('is a branded definition compatible with this core, with a validating spec', () => {
      expect(isBindingDefinition(binding)).toBe(true);
      expect(isApiCompatible(binding.apiVersion, BINDING_API_VERSION)).toBe(true);
      const spec = binding.connectionTypes.find((type) => type.type === connectionType);
      expect(spec).toBeDefined();
      expect(spec!.uriSchemes.length).toBeGreaterThan(0);
      expect(spec!.secureUriSchemes.every((scheme) => spec!.uriSchemes.includes(scheme))).toBe(true);
      expect(validateConnection(options.connection(options.endpoint, options.addresses()), { bindings: [binding] })).toMatchObject({ valid: true });
    });

    it('never throws while validating fuzzed connections', () => {
      const base = options.connection(options.endpoint, options.addresses()) as Record<string, unknown>;
      const fuzzed = fc.record({ uri: fc.oneof(fc.string(), fc.constant(base['uri'])), sources: fc.anything(), targets: fc.anything(), specificConfig: fc.dictionary(fc.string(), fc.string()), clientCount: fc.anything() }, { requiredKeys: [] });
      fc.assert(fc.property(fuzzed, (overrides) => {
        expect(() => validateConnection({ ...base, ...overrides }, { bindings: [binding] })).not.toThrow();
      }), { numRuns: 300 });
    });

    it('connects and disconnects idempotently', async () => {
      const h = await connected(harness(options.addresses()));
      await h.client.disconnect();
      await h.client.disconnect();
      await connected(h);
      await h.client.disconnect();
    });

    it('consumes, and settles accepted and rejected messages', async () => {
      const addresses = options.addresses();
      const h = await connected(harness(addresses));
      const sink = new RecordingSink(10);
      const consumer = await h.client.createConsumer(consumerSpec(h), sink);
      await options.inject(addresses.source, 'accept-me');
      (await sink.waitFor('accept-me', timeout)).settle(ACCEPT);
      await options.inject(addresses.source, 'drop-me');
      (await sink.waitFor('drop-me', timeout)).settle(REJECT_DROP);
      await options.inject(addresses.source, 'redeliver-me');
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
      const h = await connected(harness(addresses));
      const sink = new RecordingSink(2);
      await h.client.createConsumer(consumerSpec(h), sink);
      for (let i = 0; i < 6; i++) await options.inject(addresses.source, `m${i}`);
      await sink.waitFor('m1', timeout);
      await quietly();
      expect(sink.maxUnsettled).toBeLessThanOrEqual(2);
      for (let i = 0; i < 6; i++) {
        (await sink.waitFor(`m${i}`, timeout)).settle(ACCEPT);
      }
      expect(sink.maxUnsettled).toBeLessThanOrEqual(2);
      await h.client.disconnect();
    });

    it('publishes with a success outcome, and rejects with BindingErrors when it cannot', async () => {
      const addresses = options.addresses();
      const h = await connected(harness(addresses));
      const publisher = await h.client.createPublisher();
      expect(publisher.maxInFlight).toBeGreaterThan(0);
      const observer = await options.observe(addresses.target);
      const outcome = await publisher.publish({ address: addresses.target, headers: {}, textPayload: 'published' }, AbortSignal.timeout(timeout));
      expect(outcome.status).toBeGreaterThanOrEqual(200);
      expect(outcome.status).toBeLessThan(300);
      expect((await observer.next(timeout)).text).toBe('published');
      await observer.close();
      const aborted = AbortSignal.abort(new Error('conformance: aborted'));
      await expect(publisher.publish({ address: addresses.target, headers: {}, textPayload: 'x' }, aborted)).rejects.toMatchObject({ name: 'BindingError' });
      await h.client.disconnect();
      await expect(publisher.publish({ address: addresses.target, headers: {}, textPayload: 'x' }, AbortSignal.timeout(timeout))).rejects.toMatchObject({ name: 'BindingError' });
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
        await options.inject(addresses.source, 'after-reconnect');
        await sink.waitFor('after-reconnect', timeout);
        await h.client.disconnect();
        expect(proxy.openConnections).toBe(0);
      } finally {
        await proxy.close();
      }
    });

    it('leaves no sockets open after disconnecting', async () => {
      const sockets = () => process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap' || name === 'TLSWrap').length;
      const before = sockets();
      const addresses = options.addresses();
      const h = await connected(harness(addresses));
      await h.client.createConsumer(consumerSpec(h), new RecordingSink(1, ACCEPT));
      await h.client.createPublisher();
      await h.client.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sockets()).toBeLessThanOrEqual(before);
    });
  });
}
