import type { DittoError } from '../errors/ditto-error.js';
import type { Credentials } from '../model/connection.js';
import { hostBlocked } from './host-rules.js';
import type { ValidationContext } from './validation-context.js';
import { configurationInvalid } from './validation-errors.js';

// Ditto checks the algorithm of every HMAC connection against the HTTP-push list (a quirk kept on purpose).
const HMAC_ALGORITHMS = ['aws4-hmac-sha256', 'az-monitor-2016-04-01', 'az-sasl'];
const SCOPES = /^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/;
// Ditto's defaults where no binding is installed to say otherwise (connection-model §4).
const DEFAULT_ALLOWED: Readonly<Record<Credentials['type'], readonly string[]>> = {
  'client-cert': ['amqp-10', 'mqtt', 'mqtt-5', 'http-push', 'kafka', 'amqp-091'],
  hmac: ['http-push', 'amqp-10'],
  'oauth-client-credentials': ['http-push'],
  'oauth-password': ['http-push'],
  plain: [],
  'public-key': [],
};

function allowed(context: ValidationContext, type: Credentials['type']): boolean {
  const { spec, connection } = context;
  return spec ? spec.capabilities.credentials.includes(type) : DEFAULT_ALLOWED[type].includes(connection.connectionType);
}

/** Rule 9 of §11 (connection-model §4). */
export function checkCredentials(context: ValidationContext): DittoError | undefined {
  const { connection, uri, hosts } = context;
  const credentials = connection.credentials;
  if (!credentials) return undefined;
  switch (credentials.type) {
    case 'plain':
    case 'public-key':
      return configurationInvalid(`Credentials type ${credentials.type} can only be used for an ssh tunnel.`);
    case 'client-cert':
      return allowed(context, 'client-cert') ? undefined : configurationInvalid('Client certificate credentials are not supported for the connection type.');
    case 'hmac':
      if (!allowed(context, 'hmac')) return configurationInvalid('HMAC credentials are not supported for the connection type.');
      if (uri.username !== undefined) return configurationInvalid('There are conflicting authentication mechanisms.', 'Use either credentials in the URI or HMAC credentials, not both.');
      if (!HMAC_ALGORITHMS.includes(credentials.algorithm)) {
        return configurationInvalid(`Unsupported HMAC algorithm: ${credentials.algorithm}`, `Supported algorithms are: ${HMAC_ALGORITHMS.join(', ')}.`);
      }
      return undefined;
    case 'oauth-client-credentials':
    case 'oauth-password': {
      if (!allowed(context, credentials.type)) return configurationInvalid('OAuth client credentials are only supported for HTTP connection type.');
      let endpoint: URL;
      try {
        endpoint = new URL(credentials.tokenEndpoint);
      } catch (error) {
        return configurationInvalid(`Invalid token endpoint '${credentials.tokenEndpoint}' provided: ${(error as Error).message}`);
      }
      const reason = hosts.reason(endpoint.hostname);
      if (reason) return hostBlocked(endpoint.hostname, reason);
      if (!SCOPES.test(credentials.requestedScopes)) {
        return configurationInvalid(`Invalid requested scopes '${credentials.requestedScopes}'.`, 'Scopes are space-separated tokens as defined in RFC 6749 section 3.3.');
      }
      if (context.enforceHttps && endpoint.protocol !== 'https:') {
        return configurationInvalid('The OAuth2 token endpoint must be accessed via HTTPS in order not to transmit the client secret in plain text.');
      }
      return undefined;
    }
  }
}
