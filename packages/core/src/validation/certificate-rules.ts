import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { DittoError } from '../errors/ditto-error.js';
import type { ValidationContext } from './validation-context.js';
import { configurationInvalid } from './validation-errors.js';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

function badFormat(what: string, kind: string): DittoError {
  return configurationInvalid(
    `${what}: bad format. Expect PEM-encoded ${kind} data specified by RFC-7468 starting with '-----BEGIN ${kind}-----'`,
  );
}

/** Every PEM block of `pem` is of `kind` and parses; at least one block. */
function parsesAll(pem: string, kind: string, parse: (block: string) => unknown): boolean {
  const blocks = [...pem.matchAll(PEM_BLOCK)];
  if (blocks.length === 0) return false;
  return blocks.every(([block, blockKind]) => {
    if (blockKind !== kind) return false;
    try {
      parse(block);
      return true;
    } catch {
      return false;
    }
  });
}

/** Rule 5 of §11: trusted certificates and client certificates parse (PKCS#8 keys only). */
export function checkCertificates({ connection }: ValidationContext): DittoError | undefined {
  const certificate = (block: string) => new X509Certificate(block);
  if (connection.ca !== undefined && !parsesAll(connection.ca, 'CERTIFICATE', certificate)) {
    return badFormat('Trusted certificates', 'CERTIFICATE');
  }
  const credentials = connection.credentials;
  if (credentials?.type !== 'client-cert') return undefined;
  if (credentials.cert !== undefined && !parsesAll(credentials.cert, 'CERTIFICATE', certificate)) {
    return badFormat('Client certificate', 'CERTIFICATE');
  }
  if (credentials.key !== undefined && !parsesAll(credentials.key, 'PRIVATE KEY', (block) => createPrivateKey(block))) {
    return badFormat('Client private key', 'PRIVATE KEY');
  }
  return undefined;
}
