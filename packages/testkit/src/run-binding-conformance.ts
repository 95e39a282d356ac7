import { describe, expect, it } from '@jest/globals';
import { BINDING_API_VERSION, isApiCompatible, isBindingDefinition, validateConnection } from '@twinlink/core';
import fc from 'fast-check';
import type { ClientHarness } from './client-harness.js';
import { conformanceContext } from './conformance-context.js';
import type { ConformanceOptions } from './conformance-options.js';
import { consumerSpec, declareConsumerCases } from './consumer-conformance.js';
import { startFaultyTcpProxy } from './faulty-tcp-proxy.js';
import { RecordingSink } from './recording-sink.js';

/** A source that a targets-only connection type must refuse. */
const ANY_SOURCE = { addresses: ['conformance/source'], authorizationContext: ['conformance:subject'] };

/**
 * Declares a jest suite that checks a binding against a real endpoint: definition shape and API
 * compatibility, validation that never throws, connect/disconnect idempotence, publishing
 * outcomes, recovery from a peer that went away, and no leaked sockets. Connection types with
 * sources are also checked for consumption and settlement, capacity and `connection-lost`;
 * targets-only types (`capabilities.sources === false`) for refusing a source instead.
 * Call it at the top level of a `*.contract.spec.ts` or `*.int.spec.ts`.
 * @public
 */
export function runBindingConformance(options: ConformanceOptions): void {
  const context = conformanceContext(options);
  const { binding, connectionType } = options;
  const { spec, timeout, harness, connected, until } = context;
  const targetsOnly = spec?.capabilities.sources === false;
  const sockets = () => process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap' || name === 'TLSWrap').length;
  /** Publishes one message to the test's target and waits until the endpoint saw it. */
  const publishObserved = async (h: ClientHarness, target: string, text: string) => {
    const publisher = await h.client.createPublisher();
    const observer = await options.observe(target);
    try {
      const outcome = await publisher.publish({ address: target, headers: {}, textPayload: text }, AbortSignal.timeout(timeout));
      expect(outcome.status).toBeGreaterThanOrEqual(200);
      expect(outcome.status).toBeLessThan(300);
      expect((await observer.next(timeout)).text).toBe(text);
    } finally {
      await observer.close();
    }
    return publisher;
  };

  describe(`binding conformance: ${binding.packageName} (${connectionType})`, () => {
    it('is a branded definition compatible with this core, with a validating spec', () => {
      expect(isBindingDefinition(binding)).toBe(true);
      expect(isApiCompatible(binding.apiVersion, BINDING_API_VERSION)).toBe(true);
      expect(spec).toBeDefined();
      expect(spec!.uriSchemes.length).toBeGreaterThan(0);
      expect(spec!.secureUriSchemes.every((scheme) => spec!.uriSchemes.includes(scheme))).toBe(true);
      expect(validateConnection(options.connection(options.endpoint, options.addresses()), { bindings: [binding] })).toMatchObject({ valid: true });
    });

    if (targetsOnly) {
      it('is targets-only: a connection with a source is invalid', () => {
        const json = options.connection(options.endpoint, options.addresses()) as Record<string, unknown>;
        expect(validateConnection({ ...json, sources: [ANY_SOURCE] }, { bindings: [binding] })).toMatchObject({ valid: false });
      });
    }

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

    if (!targetsOnly) declareConsumerCases(context);

    it('publishes with a success outcome, and rejects with BindingErrors when it cannot', async () => {
      const addresses = options.addresses();
      const h = await connected(harness(addresses));
      const publisher = await publishObserved(h, addresses.target, 'published');
      expect(publisher.maxInFlight).toBeGreaterThan(0);
      const aborted = AbortSignal.abort(new Error('conformance: aborted'));
      await expect(publisher.publish({ address: addresses.target, headers: {}, textPayload: 'x' }, aborted)).rejects.toMatchObject({ name: 'BindingError' });
      await h.client.disconnect();
      await expect(publisher.publish({ address: addresses.target, headers: {}, textPayload: 'x' }, AbortSignal.timeout(timeout))).rejects.toMatchObject({ name: 'BindingError' });
    });

    if (targetsOnly) {
      it('fails publishes with BindingErrors while the peer refuses, and publishes again after reconnecting', async () => {
        const proxy = await startFaultyTcpProxy(options.endpoint);
        try {
          const addresses = options.addresses();
          const h = await connected(harness(addresses, { host: '127.0.0.1', port: proxy.port }));
          await publishObserved(h, addresses.target, 'before-outage');
          proxy.refuse();
          const publisher = await h.client.createPublisher();
          await expect(publisher.publish({ address: addresses.target, headers: {}, textPayload: 'lost' }, AbortSignal.timeout(timeout))).rejects.toMatchObject({ name: 'BindingError' });
          proxy.accept();
          await h.client.disconnect();
          await connected(h);
          await publishObserved(h, addresses.target, 'after-reconnect');
          await h.client.disconnect();
          await until(() => proxy.openConnections === 0, 'no connection left open through the proxy');
        } finally {
          await proxy.close();
        }
      });
    }

    it('leaves no sockets open after disconnecting', async () => {
      const before = sockets();
      const addresses = options.addresses();
      const h = await connected(harness(addresses));
      if (targetsOnly) {
        // A targets-only client may open sockets only when it publishes.
        await publishObserved(h, addresses.target, 'socket-check');
      } else {
        await h.client.createConsumer(consumerSpec(h), new RecordingSink(1, { outcome: 'accepted' }));
        await h.client.createPublisher();
      }
      await h.client.disconnect();
      await until(() => sockets() <= before, `no more than the ${before} sockets open before the test`);
    });
  });
}
