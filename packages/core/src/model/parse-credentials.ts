import { DittoError } from '../errors/ditto-error.js';
import type { JsonObject } from '../json/json-value.js';
import type { Credentials, PlainCredentials, PublicKeyCredentials } from './connection.js';
import { fieldOf, optionalString, requireObject, requireString } from './json-fields.js';

function unknownType(type: string): DittoError {
  return new DittoError({ status: 400, error: 'json.invalid', message: `Unknown credential type ${type}`, description: 'Supported types are: client-cert, hmac, oauth-client-credentials, oauth-password, plain, public-key.' });
}

/** Reads a `credentials` object (§4). JSON null counts as absent. */
export function parseCredentials(json: JsonObject, pointer: string): Credentials {
  const type = requireString(json, 'type', `${pointer}/type`);
  switch (type) {
    case 'client-cert': {
      const cert = optionalString(json, 'cert', `${pointer}/cert`);
      const key = optionalString(json, 'key', `${pointer}/key`);
      return { type, ...(cert !== undefined ? { cert } : {}), ...(key !== undefined ? { key } : {}) };
    }
    case 'hmac':
      return {
        type,
        algorithm: requireString(json, 'algorithm', `${pointer}/algorithm`),
        parameters: requireObject(fieldOf(json, 'parameters'), `${pointer}/parameters`),
      };
    case 'oauth-client-credentials':
    case 'oauth-password': {
      const optional = (key: string) => optionalString(json, key, `${pointer}/${key}`);
      const required = (key: string) => requireString(json, key, `${pointer}/${key}`);
      const isPassword = type === 'oauth-password';
      const clientSecret = isPassword ? optional('clientSecret') : required('clientSecret');
      const audience = optional('audience');
      return {
        type,
        tokenEndpoint: required('tokenEndpoint'),
        clientId: required('clientId'),
        ...(clientSecret !== undefined ? { clientSecret } : {}),
        requestedScopes: required('requestedScopes'),
        ...(audience !== undefined ? { audience } : {}),
        ...(isPassword ? { username: required('username'), password: required('password') } : {}),
      };
    }
    case 'plain':
      return parsePlain(json, pointer);
    case 'public-key':
      return parsePublicKey(json, pointer);
    default:
      throw unknownType(type);
  }
}

function parsePlain(json: JsonObject, pointer: string): PlainCredentials {
  return {
    type: 'plain',
    username: requireString(json, 'username', `${pointer}/username`),
    password: requireString(json, 'password', `${pointer}/password`),
  };
}

function parsePublicKey(json: JsonObject, pointer: string): PublicKeyCredentials {
  return {
    type: 'public-key',
    username: requireString(json, 'username', `${pointer}/username`),
    publicKey: requireString(json, 'publicKey', `${pointer}/publicKey`),
    privateKey: requireString(json, 'privateKey', `${pointer}/privateKey`),
  };
}
