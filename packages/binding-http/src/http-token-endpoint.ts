import type { Dispatcher } from 'undici';
import type { TokenFetcher } from './http-oauth-token.js';

/** A token fetcher posting the form through `dispatcher` (TLS and host checks of the client). */
export function tokenFetcher(dispatcher: Dispatcher, timeoutMs: number): TokenFetcher {
  return async (endpoint, form) => {
    const url = new URL(endpoint);
    const response = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    return { status: response.statusCode, body: await response.body.text() };
  };
}
