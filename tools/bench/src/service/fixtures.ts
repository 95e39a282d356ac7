import { callJson, DEVOPS_AUTH, forEachConcurrently, USER_AUTH } from './http.js';
import { thingId, thingWithOwnPolicy } from '../scenarios/coffee-brewer.js';

/** The subject the service gives the default API user (`ditto:ditto` over Basic auth). */
const API_SUBJECT = 'nginx:ditto';

/** Creates things `first … first+count-1`, each with its own inline policy, through the service's HTTP API. */
export async function createThings(baseUrl: string, count: number, concurrency = 32, first = 0): Promise<void> {
  const body = thingWithOwnPolicy(API_SUBJECT);
  await forEachConcurrently(count, concurrency, async (index) => {
    const thing = first + index;
    const answer = await callJson(`${baseUrl}/api/2/things/${thingId(thing)}`, 'PUT', USER_AUTH, body);
    if (answer.status !== 201 && answer.status !== 204) throw new Error(`creating ${thingId(thing)}: ${answer.status} ${JSON.stringify(answer.body)}`);
  });
}

/** Creates a connection and waits until its live status is `open`. */
export async function openConnection(baseUrl: string, connection: Record<string, unknown>, timeoutMs = 30_000): Promise<void> {
  const id = String(connection['id']);
  const created = await callJson(`${baseUrl}/api/2/connections/${id}`, 'PUT', DEVOPS_AUTH, connection);
  if (created.status !== 201) throw new Error(`connection ${id}: ${created.status} ${JSON.stringify(created.body)}`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = (await callJson(`${baseUrl}/api/2/connections/${id}/status`, 'GET', DEVOPS_AUTH)).body as { liveStatus?: string };
    if (status.liveStatus === 'open') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`connection ${id} not open within ${timeoutMs} ms`);
}
