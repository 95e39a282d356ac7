/** A minimal valid http-push connection JSON with one target, to vary in tests. */
export function httpConnection(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'http-1',
    connectionType: 'http-push',
    connectionStatus: 'open',
    uri: 'https://server.example.com:443/base',
    sources: [],
    targets: [{ address: 'POST:/things/{{ thing:id }}', topics: ['_/_/things/twin/events'], authorizationContext: ['integration:app'] }],
    ...overrides,
  };
}

/** The connection with one target of this address. */
export function withAddress(address: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return httpConnection({ targets: [{ address, topics: ['_/_/things/twin/events'], authorizationContext: ['integration:app'] }], ...overrides });
}
