import type { DittoError } from '../errors/ditto-error.js';
import { createMapperRegistry } from '../mapping/built-in-mappers.js';
import { loadMapperById } from '../mapping/connection-mappers.js';
import type { MapperRegistry } from '../mapping/mapper-registry.js';
import type { ValidationContext } from './validation-context.js';
import { configurationInvalid } from './validation-errors.js';

/** Engines known by name whose implementation is not in the registry (their options are checked when they are added). */
const ENGINES_KNOWN_BY_NAME: readonly string[] = ['JavaScript'];

let defaultRegistry: MapperRegistry | undefined;

/**
 * Every definition names a known engine; every payloadMapping id names a definition or the alias of a
 * mapper that needs no configuration (mapping.md §1); every used definition is instantiated through
 * the registry, so missing mandatory options ("The mapper <id> could not be loaded.") and bad option
 * values (the mapper's own message) fail here (connection-model.md §8).
 */
export function checkMappingReferences({ connection, mapperEngines }: ValidationContext, registry?: MapperRegistry): DittoError | undefined {
  const mappers = registry ?? (defaultRegistry ??= createMapperRegistry());
  const knownByName = new Set<string>([...ENGINES_KNOWN_BY_NAME, ...mapperEngines]);
  for (const [id, definition] of Object.entries(connection.mappingDefinitions)) {
    if (mappers.get(definition.mappingEngine) === undefined && !knownByName.has(definition.mappingEngine)) {
      return configurationInvalid(`The mapper ${id} could not be loaded.`, `The mapping engine '${definition.mappingEngine}' is not known.`);
    }
  }
  const checked = new Set<string>();
  for (const entry of [...connection.sources, ...connection.targets]) {
    for (const id of entry.payloadMapping) {
      if (checked.has(id)) continue;
      checked.add(id);
      const error = checkMapperId(id, connection, mappers, knownByName);
      if (error) return error;
    }
  }
  return undefined;
}

function checkMapperId(id: string, connection: ValidationContext['connection'], registry: MapperRegistry, knownByName: ReadonlySet<string>): DittoError | undefined {
  const definitions = connection.mappingDefinitions;
  const definition = Object.prototype.hasOwnProperty.call(definitions, id) ? definitions[id] : undefined;
  if (definition !== undefined && registry.get(definition.mappingEngine) === undefined && knownByName.has(definition.mappingEngine)) return undefined;
  const loaded = loadMapperById(id, connection, registry);
  if (loaded === undefined) {
    return configurationInvalid(`The mapper ${id} could not be loaded.`, 'Reference a mapping definition of the connection or a built-in mapper that needs no configuration.');
  }
  if (loaded.ok) {
    const closing = loaded.mapper.close?.();
    if (closing instanceof Promise) closing.catch(() => undefined);
    return undefined;
  }
  if (loaded.reason === 'invalidOptions') return configurationInvalid(loaded.error.message, loaded.error.description);
  return configurationInvalid(`The mapper ${id} could not be loaded.`, loaded.error.message);
}
