import { isIP } from 'node:net';
import type { ClientTlsOptions } from '../binding-api/client-context.js';
import type { ConnectionUri } from '../model/connection-uri.js';
import type { Connection } from '../model/connection.js';

/**
 * Node TLS options for a client (bindings.md §0.7), or `undefined` when the URI scheme is not one
 * of `secureSchemes`. `ca` replaces the platform trust store; `validateCertificates: false` trusts
 * any certificate and skips host name verification; `client-cert` credentials add the key pair for
 * mutual TLS. The server name is sent (SNI) only for host names, never for IP literals.
 * @public
 */
export function buildTlsOptions(connection: Connection, uri: ConnectionUri, secureSchemes: readonly string[]): ClientTlsOptions | undefined {
  if (!secureSchemes.includes(uri.scheme)) return undefined;
  const credentials = connection.credentials?.type === 'client-cert' ? connection.credentials : undefined;
  return {
    ...(connection.ca !== undefined ? { ca: connection.ca } : {}),
    ...(credentials?.cert !== undefined ? { cert: credentials.cert } : {}),
    ...(credentials?.key !== undefined ? { key: credentials.key } : {}),
    rejectUnauthorized: connection.validateCertificates,
    ...(connection.validateCertificates ? {} : { checkServerIdentity: () => undefined }),
    ...(isIP(uri.host) === 0 && uri.host !== '' ? { servername: uri.host } : {}),
  };
}
