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
