import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './run-command.js';

/** PEM files of a throwaway CA, a server certificate for localhost and a client certificate. */
export interface TestCertificates {
  readonly caFile: string;
  readonly serverCertFile: string;
  readonly serverKeyFile: string;
  readonly clientCertFile: string;
  readonly clientKeyFile: string;
}

// P-256 keys: generated in milliseconds, and every TLS stack we test against accepts them.
const NEW_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
const DAYS = '2';

/**
 * Generates a CA valid for two days and two certificates it signs: one for the server
 * (SAN `localhost` and `127.0.0.1`, so hostname checks pass either way) and one for mutual-TLS clients.
 */
export async function generateCertificates(dir: string): Promise<TestCertificates> {
  const file = (name: string): string => join(dir, name);
  const openssl = (args: string[]): Promise<string> => runCommand('openssl', args, { cwd: dir });
  await openssl([
    'req', '-x509', ...NEW_KEY, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', DAYS,
    '-subj', '/CN=twinlink test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const sign = async (name: string, subject: string, extensions: string): Promise<void> => {
    await writeFile(file(`${name}.ext`), extensions);
    await openssl(['req', ...NEW_KEY, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', subject]);
    await openssl([
      'x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.pem'), '-CAkey', file('ca.key'),
      '-CAcreateserial', '-out', file(`${name}.pem`), '-days', DAYS, '-extfile', file(`${name}.ext`),
    ]);
  };
  await sign('server', '/CN=localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  await sign('client', '/CN=twinlink-test-client', 'extendedKeyUsage=clientAuth\n');
  return {
    caFile: file('ca.pem'),
    serverCertFile: file('server.pem'),
    serverKeyFile: file('server.key'),
    clientCertFile: file('client.pem'),
    clientKeyFile: file('client.key'),
  };
}
