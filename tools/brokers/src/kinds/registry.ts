import type { BrokerKind } from '../types.js';
import type { BrokerDefinition } from './broker-definition.js';
import { artemisDefinition } from './artemis.js';
import { kafkaDefinition } from './kafka.js';
import { mosquittoDefinitions } from './mosquitto.js';
import { rabbitmqDefinition } from './rabbitmq.js';

const definitions = new Map<BrokerKind, BrokerDefinition>(
  [...mosquittoDefinitions, rabbitmqDefinition, kafkaDefinition, artemisDefinition].map((d) => [d.kind, d]),
);

/** The definition of `kind`; fails for a kind that is declared but not implemented. */
export function brokerDefinition(kind: BrokerKind): BrokerDefinition {
  const definition = definitions.get(kind);
  if (definition === undefined) throw new Error(`broker kind ${kind} is not implemented`);
  return definition;
}

/** Kinds that can be installed and started. */
export function implementedKinds(): BrokerKind[] {
  return [...definitions.keys()];
}
