import type { DittoError } from '../errors/ditto-error.js';
import type { ValidationContext } from './validation-context.js';
import { configurationInvalid } from './validation-errors.js';

/** Built-in mapper aliases usable without a mapping definition (mapping.md §1). */
export const CONFIGURATION_FREE_MAPPERS = ['Ditto', 'Normalized', 'RawMessage', 'UpdateTwinWithLiveResponse', 'CloudEvents'] as const;
/** Every built-in mapping engine alias. */
export const BUILT_IN_MAPPING_ENGINES = [...CONFIGURATION_FREE_MAPPERS, 'JavaScript', 'ConnectionStatus', 'ImplicitThingCreation'] as const;

/** Every payloadMapping id names a definition or a configuration-free alias; every definition names a known engine. */
export function checkMappingReferences({ connection, mapperEngines }: ValidationContext): DittoError | undefined {
  const engines = new Set<string>([...BUILT_IN_MAPPING_ENGINES, ...mapperEngines]);
  for (const [id, definition] of Object.entries(connection.mappingDefinitions)) {
    if (!engines.has(definition.mappingEngine)) return configurationInvalid(`The mapper ${id} could not be loaded.`, `The mapping engine '${definition.mappingEngine}' is not known.`);
  }
  const usable = new Set<string>([...Object.keys(connection.mappingDefinitions), ...CONFIGURATION_FREE_MAPPERS]);
  for (const entry of [...connection.sources, ...connection.targets]) {
    const unknown = entry.payloadMapping.find((id) => !usable.has(id));
    if (unknown !== undefined) return configurationInvalid(`The mapper ${unknown} could not be loaded.`, 'Reference a mapping definition of the connection or a built-in mapper that needs no configuration.');
  }
  return undefined;
}
