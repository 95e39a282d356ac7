/**
 * The technical outcome of one publish, from which core derives the issued acknowledgement or the
 * live response (bindings.md §0.5): broker confirm → 200/204, HTTP → the response.
 * A publish that fails without a status rejects with a {@link BindingError} instead.
 * @public
 */
export interface PublishOutcome {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Response body, where the protocol has one (HTTP push). */
  readonly textPayload?: string;
  readonly bytePayload?: Uint8Array;
  readonly contentType?: string;
}
