import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { defaultConfig } from '../../src/config/default-config.js';
import type { ServiceConfig } from '../../src/config/service-config.js';
import { createHttpServer } from '../../src/http/create-http-server.js';
import { Readiness } from '../../src/http/readiness.js';
import { FakeRuntime } from './fake-runtime.js';
import { request, type RequestOptions, type TestResponse } from './http-client.js';

/** The HTTP layer over a {@link FakeRuntime}, listening on a random local port. */
export interface TestApp {
  readonly app: FastifyInstance;
  readonly runtime: FakeRuntime;
  readonly readiness: Readiness;
  readonly baseUrl: string;
  call(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
}

export async function startTestApp(configure: (config: ServiceConfig) => ServiceConfig = (c) => c): Promise<TestApp> {
  const runtime = new FakeRuntime();
  const readiness = new Readiness();
  const app = createHttpServer({
    config: configure(defaultConfig()),
    instanceId: 'test-instance',
    runtime,
    logger: pino({ level: 'silent' }),
    readiness,
  });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, runtime, readiness, baseUrl, call: (method, path, options) => request(baseUrl, method, path, options) };
}
