/**
 * A `test-loopback` connection (the test-only binding). Closed by default, so no client starts;
 * an open one serves its control port on the URI's port.
 */
export function loopbackConnection(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'loopback',
    connectionType: 'test-loopback',
    connectionStatus: 'closed',
    uri: 'loop://user:secret@127.0.0.1:1',
    sources: [],
    targets: [{ address: 'out', topics: ['_/_/things/twin/events'], authorizationContext: ['integration:test'] }],
    ...overrides,
  };
}

/** The piggyback envelope for one command, answered bare (`aggregate: false`). */
export function piggyback(piggybackCommand: Record<string, unknown>, targetActorSelection = '/system/sharding/connection'): Record<string, unknown> {
  return { targetActorSelection, headers: { aggregate: false }, piggybackCommand };
}
