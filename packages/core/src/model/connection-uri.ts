import { DittoError } from '../errors/ditto-error.js';

/** The parts of a connection URI (`<scheme>://[user[:password]@]host:port[/path]`). @public */
export interface ConnectionUri {
  readonly scheme: string;
  /** Percent-decoded; only present when the user-info contains `:`. */
  readonly username?: string;
  readonly password?: string;
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

const URI_PATTERN = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(?:([^@/?#]*)@)?(\[[0-9a-fA-F:.]+\]|[^:/?#@[\]]*)(?::(\d*))?([^?#]*)([?#].*)?$/;
const MASK = '*****';

function uriInvalid(uri: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'connectivity:connection.uri.invalid',
    message: `The Connection URI '${maskPassword(uri)}' has an invalid format.`,
    description: 'Expected <scheme>://[<username>:<password>@]<host>:<port>[/<path>] without query string.',
  });
}

function decode(part: string, uri: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw uriInvalid(uri);
  }
}

/**
 * Parses a connection URI. The port is mandatory and > 0, a query string or fragment is not allowed.
 * An empty or blank URI yields empty parts (the scheme check rejects it later, as Ditto does).
 * @public
 */
export function parseConnectionUri(uri: string): ConnectionUri {
  if (uri.trim() === '') return { scheme: '', host: '', port: 0, path: '' };
  const match = URI_PATTERN.exec(uri);
  if (!match) throw uriInvalid(uri);
  const [, scheme = '', userInfo, host = '', portText, path = '', rest] = match;
  const port = portText === undefined || portText === '' ? NaN : Number(portText);
  if (rest !== undefined || host === '' || !Number.isInteger(port) || port <= 0 || port > 65535) throw uriInvalid(uri);
  const credentials: { username?: string; password?: string } = {};
  if (userInfo !== undefined) {
    const colon = userInfo.indexOf(':');
    if (colon >= 0) {
      credentials.username = decode(userInfo.slice(0, colon), uri);
      credentials.password = decode(userInfo.slice(colon + 1), uri);
    }
  }
  return { scheme: scheme.toLowerCase(), ...credentials, host: host.replace(/^\[|\]$/g, ''), port, path };
}

/**
 * The URI with the password of its user-info replaced by `*****`; for logs, metrics and API
 * responses. Never throws, also for text that is not a valid URI.
 * @public
 */
export function maskPassword(uri: string): string {
  return uri.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^:@/?#]*):[^@/?#]*@/, `$1:${MASK}@`);
}

/** The masking token used for secrets. @public */
export const SECRET_MASK = MASK;
