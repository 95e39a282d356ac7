import { BindingError } from '@twinlink/core';
import type { BindingLogger, ConnectionUri, OutboundMessage, PublishOutcome, Publisher } from '@twinlink/core';
import type { Dispatcher } from 'undici';
import type { OAuthTokenProvider } from './http-oauth-token.js';
import type { HttpPushOptions } from './http-push-options.js';
import { buildRequest } from './http-request-builder.js';
import type { RequestSigner } from './http-request-signer.js';
import { readResponse } from './http-response-reader.js';
import type { HttpPushConfig } from './http-specific-config.js';

/** What a publisher sends through: the client's pool and its request pipeline. */
export interface HttpPushPipeline {
  readonly pool: Dispatcher;
  readonly uri: ConnectionUri;
  readonly config: HttpPushConfig;
  readonly options: HttpPushOptions;
  readonly logger: BindingLogger;
  readonly oauth: OAuthTokenProvider | undefined;
  readonly signer: RequestSigner | undefined;
  readonly now: () => Date;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Publishes each message as one HTTP request on the client's pool (bindings.md §5). The pool has
 * `parallelism` connections without pipelining, so that many requests are on the wire; up to
 * `queueSize` publishes are accepted in all (`maxInFlight`), the rest rejected at once as
 * "too many in-flight" instead of queueing in memory. Nothing is retried: a request may not be
 * idempotent, and Ditto does not retry either.
 */
export class HttpPushPublisher implements Publisher {
  readonly maxInFlight: number;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly pipeline: HttpPushPipeline) {
    this.maxInFlight = pipeline.options.queueSize;
  }

  publish(message: OutboundMessage, signal: AbortSignal): Promise<PublishOutcome> {
    if (this.closed) return Promise.reject(new BindingError('TWINLINK_ERR_HTTP_PUBLISHER_CLOSED', 'transient', 'The publisher is closed.'));
    if (this.inFlight.size >= this.maxInFlight) {
      return Promise.reject(new BindingError('TWINLINK_ERR_HTTP_TOO_MANY_IN_FLIGHT', 'rejected', `too many in-flight requests (${this.maxInFlight})`, { status: 503 }));
    }
    const publishing = this.send(message, signal);
    const tracked = publishing.catch(() => undefined);
    this.inFlight.add(tracked);
    void tracked.then(() => this.inFlight.delete(tracked));
    return publishing;
  }

  /** Accepts no more publishes and waits for those in flight. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
  }

  private async send(message: OutboundMessage, signal: AbortSignal): Promise<PublishOutcome> {
    const { pool, uri, config, options, oauth, signer, logger } = this.pipeline;
    const request = buildRequest(message, uri.path, config);
    const headers = request.headers;
    if (uri.username !== undefined) headers['authorization'] = `Basic ${Buffer.from(`${uri.username}:${uri.password ?? ''}`).toString('base64')}`;
    const target = `${request.method} ${request.path}`;
    try {
      if (oauth) headers['authorization'] = `Bearer ${await oauth.token()}`;
      if (signer) Object.assign(headers, signer.sign({ ...request, host: uri.host }, this.pipeline.now()));
      const response = await pool.request({
        method: request.method as Dispatcher.HttpMethod,
        path: request.path,
        headers,
        body: request.body,
        signal,
        headersTimeout: config.idleTimeoutMs,
        bodyTimeout: config.idleTimeoutMs,
      });
      const outcome = await readResponse(response, { maxBytes: options.maxResponseBytes, readTimeoutMs: options.responseReadTimeoutMs });
      if (outcome.status < 200 || outcome.status > 299) logger.warn('HTTP request failed', { target, status: outcome.status });
      return outcome;
    } catch (error) {
      const failure = this.toBindingError(error, signal);
      logger.warn('HTTP request failed', { target, status: failure.status, code: failure.code, reason: failure.message });
      throw failure;
    }
  }

  private toBindingError(error: unknown, signal: AbortSignal): BindingError {
    if (error instanceof BindingError) return error;
    if (signal.aborted) {
      return signal.reason instanceof BindingError
        ? signal.reason
        : new BindingError('TWINLINK_ERR_HTTP_ABORTED', 'rejected', 'The HTTP request was aborted.', { cause: error, status: 408 });
    }
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && TIMEOUT_CODES.has(code)) {
      return new BindingError('TWINLINK_ERR_HTTP_TIMEOUT', 'transient', `The HTTP request timed out (${code}).`, { cause: error, status: 408 });
    }
    const reason = error instanceof Error ? error.message : String(error);
    return new BindingError('TWINLINK_ERR_HTTP_REQUEST_FAILED', 'transient', `The HTTP request failed: ${reason}`, { cause: error, status: 503 });
  }
}
