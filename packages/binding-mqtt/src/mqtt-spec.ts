import type { ConnectionTypeSpec } from '@twinlink/core';
import { MQTT_SPECIFIC_CONFIG } from './mqtt-specific-config.js';
import { validateMqtt } from './mqtt-validator.js';

const COMMON = {
  uriSchemes: ['tcp', 'ssl', 'ws', 'wss'],
  secureUriSchemes: ['ssl', 'wss'],
  specificConfig: MQTT_SPECIFIC_CONFIG,
} as const;

/**
 * `mqtt`: MQTT 3.1.1. One client per connection; source header mappings may only read the three
 * pseudo headers (checked as `header:` here, the names in the validator); enforcement input is the
 * topic (`{{ source:address }}`).
 * @public
 */
export const MQTT_SPEC: ConnectionTypeSpec = {
  type: 'mqtt',
  ...COMMON,
  capabilities: { sources: true, targets: true, inboundSettlement: 'per-message', maxClientCount: 1, sshTunnel: false, credentials: ['client-cert'] },
  placeholders: { enforcementInput: ['source'], sourceHeaderMapping: ['header'], targetHeaderMapping: ['header'] },
  validate: (kit) => validateMqtt(kit, 3),
};

/**
 * `mqtt-5`: MQTT 5. Several clients per connection; header mappings are not checked at creation
 * (Ditto resolves them per message); enforcement input is the topic or headers.
 * @public
 */
export const MQTT5_SPEC: ConnectionTypeSpec = {
  type: 'mqtt-5',
  ...COMMON,
  capabilities: { sources: true, targets: true, inboundSettlement: 'per-message', sshTunnel: false, credentials: ['client-cert'] },
  placeholders: { enforcementInput: ['source', 'header'], sourceHeaderMapping: 'unchecked', targetHeaderMapping: 'unchecked' },
  validate: (kit) => validateMqtt(kit, 5),
};

