import { brokerDefinition, implementedKinds } from './kinds/registry.js';
import type { BrokerKind } from './types.js';

/** The `TWINLINK_TEST_*` variables a kind exports. */
export function envNamesOf(kind: BrokerKind): readonly string[] {
  return brokerDefinition(kind).envNames;
}

/** The kinds that export variable `name` (usually one). */
export function kindsProviding(name: string): BrokerKind[] {
  return implementedKinds().filter((kind) => envNamesOf(kind).includes(name));
}
