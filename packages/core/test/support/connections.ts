import { readFileSync } from 'node:fs';

/** PEM fixtures (a throwaway self-signed certificate and its keys). */
export const TEST_CERT = readFileSync(new URL('../fixtures/test-cert.pem', import.meta.url), 'utf8');
export const TEST_KEY_PKCS8 = readFileSync(new URL('../fixtures/test-key.pem', import.meta.url), 'utf8');
export const TEST_KEY_PKCS1 = readFileSync(new URL('../fixtures/test-key-pkcs1.pem', import.meta.url), 'utf8');

/** A minimal valid AMQP 0.9.1 connection JSON with one source and one target, to vary in tests. */
export function amqpConnection(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'conn-1',
    connectionType: 'amqp-091',
    connectionStatus: 'open',
    uri: 'amqp://user:pass@broker.example.com:5672/vhost',
    sources: [{ addresses: ['queue-a'], authorizationContext: ['integration:app'] }],
    targets: [{ address: 'exchange/key', topics: ['_/_/things/twin/events'], authorizationContext: ['integration:app'] }],
    ...overrides,
  };
}
