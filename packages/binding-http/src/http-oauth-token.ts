import { BindingError } from '@twinlink/core';
import type { OAuthCredentials } from '@twinlink/core';

/** Posts a token request form; resolves with the response status and text. */
export type TokenFetcher = (endpoint: string, form: URLSearchParams) => Promise<{ readonly status: number; readonly body: string }>;

/** Service default `max-clock-skew`: a token is renewed this long before it expires. */
export const DEFAULT_CLOCK_SKEW_MS = 60_000;

interface CachedToken {
  readonly value: string;
  /** Epoch ms after which the token is not used any more (expiry minus clock skew). */
  readonly renewAt: number;
}

/**
 * OAuth2 bearer tokens for `oauth-client-credentials` (RFC 6749 §4.4) and `oauth-password`
 * (§4.3): fetched from the token endpoint, cached, renewed `clockSkewMs` before they expire.
 * Concurrent requests share one fetch. The expiry is the token's JWT `exp` claim (what Ditto
 * reads), else `expires_in`; a token with neither is used once.
 */
export class OAuthTokenProvider {
  private cached: CachedToken | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly credentials: OAuthCredentials,
    private readonly fetcher: TokenFetcher,
    private readonly now: () => number = Date.now,
    private readonly clockSkewMs: number = DEFAULT_CLOCK_SKEW_MS,
  ) {}

  /** A valid access token; rejects with a BindingError (`auth` when the endpoint refused, else `transient`). */
  token(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return Promise.resolve(this.cached.value);
    this.pending ??= this.fetch().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetch(): Promise<string> {
    const requestedAt = this.now();
    let response: { status: number; body: string };
    try {
      response = await this.fetcher(this.credentials.tokenEndpoint, this.form());
    } catch (error) {
      if (error instanceof BindingError) throw error;
      throw new BindingError('TWINLINK_ERR_HTTP_OAUTH_UNREACHABLE', 'transient', `The OAuth2 token endpoint could not be reached: ${(error as Error).message}`, { cause: error, status: 503 });
    }
    if (response.status < 200 || response.status > 299) {
      const kind = response.status >= 500 ? 'transient' : 'auth';
      throw new BindingError('TWINLINK_ERR_HTTP_OAUTH_REFUSED', kind, `The OAuth2 token endpoint answered with status ${response.status}.`, { status: kind === 'auth' ? 401 : 503 });
    }
    const parsed = parseTokenResponse(response.body);
    if (!parsed) throw new BindingError('TWINLINK_ERR_HTTP_OAUTH_INVALID', 'auth', 'The OAuth2 token endpoint answered without an access_token.', { status: 401 });
    const expiresAt = jwtExpiry(parsed.token) ?? (parsed.expiresIn !== undefined ? requestedAt + parsed.expiresIn * 1000 : undefined);
    this.cached = expiresAt === undefined ? undefined : { value: parsed.token, renewAt: expiresAt - this.clockSkewMs };
    return parsed.token;
  }

  private form(): URLSearchParams {
    const { type, clientId, clientSecret, requestedScopes, audience, username, password } = this.credentials;
    const form = new URLSearchParams();
    if (type === 'oauth-password') {
      form.set('grant_type', 'password');
      form.set('username', username ?? '');
      form.set('password', password ?? '');
    } else {
      form.set('grant_type', 'client_credentials');
    }
    form.set('client_id', clientId);
    if (clientSecret !== undefined) form.set('client_secret', clientSecret);
    form.set('scope', requestedScopes);
    if (audience !== undefined && audience !== '') form.set('audience', audience);
    return form;
  }
}

function parseTokenResponse(body: string): { token: string; expiresIn: number | undefined } | undefined {
  try {
    const json: unknown = JSON.parse(body);
    if (typeof json !== 'object' || json === null) return undefined;
    const { access_token: token, expires_in: expiresIn } = json as Record<string, unknown>;
    if (typeof token !== 'string' || token === '') return undefined;
    return { token, expiresIn: typeof expiresIn === 'number' && Number.isFinite(expiresIn) ? expiresIn : undefined };
  } catch {
    return undefined;
  }
}

/** The `exp` claim of a JWT in epoch ms; undefined for opaque tokens. */
function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const exp = (claims as Record<string, unknown> | null)?.['exp'];
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
