import { BindingError } from '@twinlink/core';
import type { ClientContext, Consumer, ProtocolClient, Publisher, TestStage } from '@twinlink/core';
import { Agent, Pool } from 'undici';
import { guardedConnector, probe } from './http-connector.js';
import { OAuthTokenProvider } from './http-oauth-token.js';
import type { HttpPushOptions } from './http-push-options.js';
import { HttpPushPublisher } from './http-push-publisher.js';
import type { HttpPushPipeline } from './http-push-publisher.js';
import type { RequestSigner } from './http-request-signer.js';
import { createRequestSigner } from './http-signing.js';
import { httpPushConfig } from './http-specific-config.js';
import { tokenFetcher } from './http-token-endpoint.js';

/**
 * One http-push client: an undici pool of `parallelism` keep-alive connections to the URI's
 * origin, opened lazily by requests. `connect` checks the host and prepares the pool, request
 * signing and OAuth2; `test` opens one connection (and fetches a token) to prove the setup.
 */
export class HttpPushClient implements ProtocolClient {
  private pipeline: HttpPushPipeline | undefined;
  private tokenAgent: Agent | undefined;

  constructor(
    private readonly context: ClientContext,
    private readonly options: HttpPushOptions,
  ) {}

  async connect(): Promise<void> {
    const { connection, uri, tls, hosts, logger } = this.context;
    await hosts.assertAllowed(uri.host);
    const config = httpPushConfig(connection.specificConfig, this.options);
    const connect = guardedConnector(hosts, tls, this.options.connectTimeoutMs);
    const pool = new Pool(this.origin(), { connections: config.parallelism, pipelining: 1, connect, keepAliveTimeout: 60_000 });
    this.pipeline = { pool, uri, config, options: this.options, logger, oauth: this.oauthProvider(), signer: this.signer(), now: () => new Date() };
  }

  async disconnect(): Promise<void> {
    const pipeline = this.pipeline;
    const agent = this.tokenAgent;
    this.pipeline = undefined;
    this.tokenAgent = undefined;
    await Promise.allSettled([pipeline?.pool.destroy(), agent?.destroy()]);
  }

  async createConsumer(): Promise<Consumer> {
    throw new BindingError('TWINLINK_ERR_HTTP_NO_SOURCES', 'misconfigured', "A connection of type 'http-push' may not have any source.");
  }

  async createPublisher(): Promise<Publisher> {
    if (!this.pipeline) throw new BindingError('TWINLINK_ERR_HTTP_NOT_CONNECTED', 'transient', 'The client is not connected.');
    return new HttpPushPublisher(this.pipeline);
  }

  async test(): Promise<readonly TestStage[]> {
    const { hosts, tls } = this.context;
    const origin = this.origin();
    const stages: TestStage[] = [await stage(`connect ${origin}`, () => probe(guardedConnector(hosts, tls, this.options.connectTimeoutMs), new URL(origin)))];
    const oauth = this.pipeline?.oauth;
    if (oauth) stages.push(await stage('oauth token', () => oauth.token()));
    return stages;
  }

  /** The origin of the URI, without user-info or path. */
  private origin(): string {
    const { scheme, host, port } = this.context.uri;
    return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  private signer(): RequestSigner | undefined {
    const credentials = this.context.connection.credentials;
    if (credentials?.type !== 'hmac') return undefined;
    try {
      return createRequestSigner(credentials);
    } catch (error) {
      throw new BindingError('TWINLINK_ERR_HTTP_HMAC_INVALID', 'misconfigured', (error as Error).message, { cause: error });
    }
  }

  private oauthProvider(): OAuthTokenProvider | undefined {
    const credentials = this.context.connection.credentials;
    if (credentials?.type !== 'oauth-client-credentials' && credentials?.type !== 'oauth-password') return undefined;
    // The token endpoint is another host: same trust settings, but its own server name.
    const { servername: _servername, ...tls } = this.context.tls ?? { rejectUnauthorized: true };
    this.tokenAgent = new Agent({ connect: guardedConnector(this.context.hosts, tls, this.options.connectTimeoutMs) });
    return new OAuthTokenProvider(credentials, tokenFetcher(this.tokenAgent, this.options.requestTimeoutMs), Date.now, this.options.tokenClockSkewMs);
  }
}

async function stage(name: string, run: () => Promise<unknown>): Promise<TestStage> {
  try {
    await run();
    return { stage: name, success: true };
  } catch (error) {
    return { stage: name, success: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
