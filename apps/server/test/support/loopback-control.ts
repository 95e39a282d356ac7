/** A message a `test-loopback` client published, as its control port lists it. */
export interface LoopbackPublished {
  readonly address: string;
  readonly headers: Record<string, string>;
  readonly textPayload?: string;
}

/** What the loopback client serving its control port on `port` has published so far. */
export async function loopbackPublished(port: number): Promise<LoopbackPublished[]> {
  return (await (await fetch(`http://127.0.0.1:${port}/published`)).json()) as LoopbackPublished[];
}

/** Delivers a message to the consumer of `sourceAddress` of the loopback client on `port`; resolves with its settlement. */
export async function loopbackInject(port: number, message: { sourceAddress: string; headers?: Record<string, string>; textPayload?: string }): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${port}/inbound`, { method: 'POST', body: JSON.stringify(message) });
  return (await response.json()) as Record<string, unknown>;
}
