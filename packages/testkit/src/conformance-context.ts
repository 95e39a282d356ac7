import type { ConnectionTypeSpec } from '@twinlink/core';
import { createClientHarness } from './client-harness.js';
import type { ClientHarness } from './client-harness.js';
import type { ConformanceOptions, Endpoint, TestAddresses } from './conformance-options.js';

/** What every conformance case needs: the options with their defaults applied, and client helpers. */
export interface ConformanceContext {
  readonly options: ConformanceOptions;
  readonly spec: ConnectionTypeSpec | undefined;
  readonly timeout: number;
  /** A client of the test connection for these addresses, at `endpoint` (a proxy) or the real one. */
  harness(addresses: TestAddresses, endpoint?: Endpoint): ClientHarness;
  /** Connects the client within the timeout. */
  connected(h: ClientHarness): Promise<ClientHarness>;
  /** Waits long enough to be sure that something does not happen. */
  quietly(): Promise<void>;
  /** Polls `condition` until it holds, failing with `what` after the timeout. */
  until(condition: () => boolean, what: string): Promise<void>;
}

export function conformanceContext(options: ConformanceOptions): ConformanceContext {
  const timeout = options.timeoutMs ?? 10_000;
  const quiet = options.quietMs ?? 1_000;
  return {
    options,
    spec: options.binding.connectionTypes.find((type) => type.type === options.connectionType),
    timeout,
    harness: (addresses, endpoint = options.endpoint) => createClientHarness(options.binding, options.connection(endpoint, addresses)),
    async connected(h) {
      await h.client.connect(AbortSignal.timeout(timeout));
      return h;
    },
    quietly: () => new Promise((resolve) => setTimeout(resolve, quiet)),
    async until(condition, what) {
      const deadline = Date.now() + timeout;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`Not within ${timeout} ms: ${what}.`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}
