import { ContainerModule } from 'inversify';
import { defineBinding } from '../../src/binding-api/binding-definition.js';
import type { BindingDefinition } from '../../src/binding-api/binding-definition.js';
import { OUTBOUND_NAMESPACES } from '../../src/binding-api/connection-type-spec.js';
import type { ConnectionTypeSpec } from '../../src/binding-api/connection-type-spec.js';

const queueSpec: ConnectionTypeSpec = {
  type: 'amqp-091',
  uriSchemes: ['amqp', 'amqps'],
  secureUriSchemes: ['amqps'],
  capabilities: { sources: true, targets: true, inboundSettlement: 'per-message', sshTunnel: true, credentials: ['client-cert'] },
  placeholders: { enforcementInput: ['header'], sourceHeaderMapping: OUTBOUND_NAMESPACES, targetHeaderMapping: OUTBOUND_NAMESPACES },
  specificConfig: [],
  validate: (kit) => (kit.connection.targets.some((t) => !t.address.includes('/')) ? kit.invalid('Target address must be <exchange>/<routingKey>.') : undefined),
};

const pushSpec: ConnectionTypeSpec = {
  type: 'http-push',
  uriSchemes: ['http', 'https'],
  secureUriSchemes: ['https'],
  capabilities: { sources: false, targets: true, inboundSettlement: 'none', sshTunnel: true, credentials: ['client-cert', 'hmac', 'oauth-client-credentials', 'oauth-password'] },
  placeholders: { enforcementInput: [], sourceHeaderMapping: 'unchecked', targetHeaderMapping: OUTBOUND_NAMESPACES },
  specificConfig: [{ key: 'idleTimeout', description: 'per-request timeout' }],
  validate: (kit) => {
    const idle = kit.connection.specificConfig['idleTimeout'];
    const ms = idle === undefined ? 0 : kit.parseConfigDuration(idle);
    return ms === undefined || ms > 60_000 ? kit.invalid(`Idle timeout '${idle}' is not within the allowed range of [0, 60] seconds.`) : undefined;
  },
};

/** A binding definition for unit tests of validation and the registry; it creates no clients. */
export function fakeBinding(packageName: string, specs: readonly ConnectionTypeSpec[], apiVersion = '1.0.0'): BindingDefinition {
  return defineBinding({ packageName, packageVersion: '0.0.1', apiVersion, connectionTypes: specs, containerModule: new ContainerModule(() => undefined) });
}

export const FAKE_QUEUE_BINDING = fakeBinding('@test/binding-queue', [queueSpec]);
export const FAKE_PUSH_BINDING = fakeBinding('@test/binding-push', [pushSpec]);
