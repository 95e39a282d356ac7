import { parseConfigDuration } from '@twinlink/core';
import type { HmacCredentials } from '@twinlink/core';
import { Aws4Signer } from './http-hmac-aws4.js';
import { AzMonitorSigner, AzSaslSigner } from './http-hmac-azure.js';
import type { RequestSigner } from './http-request-signer.js';

/**
 * The signer of an `hmac` credentials algorithm. Throws a TypeError for an unknown algorithm or
 * missing parameters; the client reports it as a misconfiguration when connecting.
 */
export function createRequestSigner(credentials: HmacCredentials): RequestSigner {
  switch (credentials.algorithm) {
    case 'aws4-hmac-sha256':
      return new Aws4Signer(credentials.parameters);
    case 'az-monitor-2016-04-01':
      return new AzMonitorSigner(credentials.parameters);
    case 'az-sasl':
      return new AzSaslSigner(credentials.parameters, parseConfigDuration);
    default:
      throw new TypeError(`Unsupported HMAC algorithm: ${credentials.algorithm}`);
  }
}
