import type { DittoError } from '../errors/ditto-error.js';
import { parseConnectionUri } from '../model/connection-uri.js';
import { hostBlocked } from './host-rules.js';
import type { ValidationContext } from './validation-context.js';
import { configurationInvalid } from './validation-errors.js';

const FINGERPRINT = /^(MD5|SHA1|SHA224|SHA256|SHA384|SHA512):\S+$/;

/** Rules 7–8 of §11: tunnel support per type, tunnel URI, credentials and known hosts (§9). */
export function checkSshTunnel({ connection, spec, hosts }: ValidationContext): DittoError | undefined {
  const tunnel = connection.sshTunnel;
  if (!tunnel) return undefined;
  if (spec && !spec.capabilities.sshTunnel) return configurationInvalid('SSH tunneling not supported.', `Connections of type '${connection.connectionType}' cannot use an SSH tunnel.`);
  let host: string;
  try {
    const uri = parseConnectionUri(tunnel.uri);
    if (uri.scheme !== 'ssh') return configurationInvalid(`The SSH tunnel URI scheme '${uri.scheme}' is not valid.`, "The scheme must be 'ssh'.");
    host = uri.host;
  } catch {
    return configurationInvalid(`The SSH tunnel URI '${tunnel.uri}' is not valid.`, 'Expected ssh://<host>:<port>.');
  }
  const reason = hosts.reason(host);
  if (reason) return hostBlocked(host, reason);
  const { credentials } = tunnel;
  if (credentials.username === '' || (credentials.type === 'plain' && credentials.password === '')) {
    return configurationInvalid('The SSH tunnel credentials need a non-empty username and password.');
  }
  if (tunnel.validateHost && tunnel.knownHosts.length === 0) {
    return configurationInvalid('Specify at least one fingerprint if host validation is enabled.');
  }
  const bad = tunnel.knownHosts.find((fingerprint) => !FINGERPRINT.test(fingerprint));
  if (bad !== undefined) {
    return configurationInvalid(`The known host fingerprint '${bad}' is not valid.`, 'Expected <ALG>:<fingerprint> with ALG one of MD5, SHA1, SHA224, SHA256, SHA384, SHA512.');
  }
  return undefined;
}
