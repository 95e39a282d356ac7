/** A response read completely, for assertions. */
export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  json<T = any>(): T; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Options of one request: headers and a body (objects are sent as JSON text). */
export interface RequestOptions {
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly auth?: string | false;
}

/** Basic credentials of the default DevOps user. */
export const DEVOPS_AUTH = `Basic ${Buffer.from('devops:foobar').toString('base64')}`;

/** Basic credentials of the default twin API user, subject `nginx:ditto`. */
export const USER = `Basic ${Buffer.from('ditto:ditto').toString('base64')}`;

/**
 * Sends one request to `baseUrl` with the default DevOps credentials unless `auth` says otherwise.
 * A JSON body gets `content-type: application/json` unless a content type is given.
 */
export async function request(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth !== false) headers['authorization'] ??= options.auth ?? DEVOPS_AUTH;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: () => JSON.parse(text),
  };
}
