import { Agent, request } from 'undici';

/** Credentials of the embedded defaults: DevOps for connections, the default API user for twins. */
export const DEVOPS_AUTH = `Basic ${Buffer.from('devops:foobar').toString('base64')}`;
export const USER_AUTH = `Basic ${Buffer.from('ditto:ditto').toString('base64')}`;

const agent = new Agent({ connections: 64, pipelining: 1 });

/** A JSON answer of the service. */
export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** One JSON request to the service; the body is read whatever the status. */
export async function callJson(url: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', auth: string, body?: unknown): Promise<JsonAnswer> {
  const response = await request(url, {
    method,
    dispatcher: agent,
    headers: { authorization: auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Plain text GET (Prometheus exposition). */
export async function getText(url: string): Promise<string> {
  const response = await request(url, { dispatcher: agent });
  return response.body.text();
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` running at once. */
export async function forEachConcurrently(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
