import { BindingError } from '@twinlink/core';
import type { OAuthCredentials } from '@twinlink/core';
import { OAuthTokenProvider } from './http-oauth-token.js';
import type { TokenFetcher } from './http-oauth-token.js';

const credentials: OAuthCredentials = { type: 'oauth-client-credentials', tokenEndpoint: 'https://auth/token', clientId: 'cid', clientSecret: 'sec', requestedScopes: 'a b', audience: 'aud' };
const jwt = (exp: number, n = 0) => `h.${Buffer.from(JSON.stringify({ exp, n })).toString('base64url')}.s`;

function fakeEndpoint(answers: (() => { status: number; body: string })[]) {
  const forms: URLSearchParams[] = [];
  const fetcher: TokenFetcher = async (_endpoint, form) => {
    forms.push(form);
    const answer = answers[Math.min(forms.length - 1, answers.length - 1)];
    if (!answer) throw new Error('no answer');
    return answer();
  };
  return { fetcher, forms };
}

describe('OAuthTokenProvider', () => {
  it('posts the client-credentials grant and caches the token until 60 s before its exp', async () => {
    let now = 1_000_000;
    const first = jwt(1_000 + 3600);
    const second = jwt(1_000 + 7200, 1);
    const endpoint = fakeEndpoint([() => ({ status: 200, body: JSON.stringify({ access_token: first }) }), () => ({ status: 200, body: JSON.stringify({ access_token: second }) })]);
    const provider = new OAuthTokenProvider(credentials, endpoint.fetcher, () => now);
    expect(await provider.token()).toBe(first);
    expect(Object.fromEntries(endpoint.forms[0] ?? [])).toEqual({ grant_type: 'client_credentials', client_id: 'cid', client_secret: 'sec', scope: 'a b', audience: 'aud' });
    now = (1_000 + 3600 - 61) * 1000;
    expect(await provider.token()).toBe(first);
    expect(endpoint.forms).toHaveLength(1);
    now = (1_000 + 3600 - 60) * 1000;
    expect(await provider.token()).toBe(second);
    expect(endpoint.forms).toHaveLength(2);
  });

  it('uses expires_in for opaque tokens and shares one fetch among concurrent callers', async () => {
    let now = 0;
    const endpoint = fakeEndpoint([() => ({ status: 200, body: JSON.stringify({ access_token: 'opaque', expires_in: 120 }) })]);
    const provider = new OAuthTokenProvider(credentials, endpoint.fetcher, () => now);
    expect(await Promise.all([provider.token(), provider.token()])).toEqual(['opaque', 'opaque']);
    expect(endpoint.forms).toHaveLength(1);
    now = 59_999;
    await provider.token();
    expect(endpoint.forms).toHaveLength(1);
    now = 60_000;
    await provider.token();
    expect(endpoint.forms).toHaveLength(2);
  });

  it('posts the password grant', async () => {
    const endpoint = fakeEndpoint([() => ({ status: 200, body: JSON.stringify({ access_token: 't' }) })]);
    const password: OAuthCredentials = { type: 'oauth-password', tokenEndpoint: 'https://auth/token', clientId: 'cid', requestedScopes: 's', username: 'u', password: 'p' };
    await new OAuthTokenProvider(password, endpoint.fetcher).token();
    expect(Object.fromEntries(endpoint.forms[0] ?? [])).toEqual({ grant_type: 'password', username: 'u', password: 'p', client_id: 'cid', scope: 's' });
  });

  it('reports refusals as auth failures, outages as transient, and retries on the next call', async () => {
    const endpoint = fakeEndpoint([() => ({ status: 401, body: '' }), () => ({ status: 503, body: '' }), () => ({ status: 200, body: '{}' }), () => ({ status: 200, body: '{"access_token":"ok"}' })]);
    const provider = new OAuthTokenProvider(credentials, endpoint.fetcher);
    await expect(provider.token()).rejects.toEqual(expect.objectContaining({ kind: 'auth', status: 401, code: 'TWINLINK_ERR_HTTP_OAUTH_REFUSED' }));
    await expect(provider.token()).rejects.toEqual(expect.objectContaining({ kind: 'transient', status: 503 }));
    await expect(provider.token()).rejects.toEqual(expect.objectContaining({ code: 'TWINLINK_ERR_HTTP_OAUTH_INVALID' }));
    expect(await provider.token()).toBe('ok');
    const unreachable = new OAuthTokenProvider(credentials, async () => Promise.reject(new Error('ECONNREFUSED')));
    const error = await unreachable.token().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BindingError);
    expect(error).toEqual(expect.objectContaining({ kind: 'transient', code: 'TWINLINK_ERR_HTTP_OAUTH_UNREACHABLE' }));
  });
});
