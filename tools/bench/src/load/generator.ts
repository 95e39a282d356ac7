/** The sending side of a lane: several producers, each sending its messages in sequence order. */
export interface Generator {
  readonly producers: number;
  /** Sends one message for thing number `thing`, carrying `id` so the sink can account for it. */
  send(producer: number, id: string, thing: number): void;
}

/** The id every benchmark message carries: phase tag, producer and sequence number. */
export function messageId(phase: string, producer: number, seq: number): string {
  return `${phase}:${producer}:${seq}`;
}
