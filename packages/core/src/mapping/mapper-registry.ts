import { DittoError } from '../errors/ditto-error.js';
import type { JsonObject } from '../json/json-value.js';
import { ownValue } from '../json/json-value.js';
import { mapperConfigInvalid, mapperOptionMissing } from './mapping-errors.js';
import { contentTypeBlocklist, mergeOptions } from './mapper-options.js';
import type { ConfiguredMapper, MapperConfigurationContext, PayloadMapper } from './payload-mapper.js';

/** How a mapper is asked for: engine name and the options of a mapping definition. @public */
export interface MapperRequest {
  /** Alias or implementation class name. */
  readonly mappingEngine: string;
  /** Options as given in the mapping definition. */
  readonly options: JsonObject;
}

/**
 * The outcome of configuring one mapper: the configured mapper, or why it could not be loaded.
 * `missingOptions` lists mandatory options the definition lacks (the mapper is then reported as
 * "could not be loaded"); `error` carries the mapper's own configuration error.
 * @public
 */
export type MapperLoadResult =
  | {
      readonly ok: true;
      readonly mapper: ConfiguredMapper;
      readonly engine: PayloadMapper;
      /** Content types for which the mapper is skipped inbound. */
      readonly blocklist: ReadonlySet<string>;
    }
  | { readonly ok: false; readonly reason: 'unknownEngine' | 'missingOptions' | 'invalidOptions'; readonly error: DittoError };

/**
 * Payload mappers by alias and by implementation class name (mapping.md §1). Bindings and plugins
 * may register custom mappers; an alias or class name can be registered once.
 * @public
 */
export class MapperRegistry {
  private readonly byName = new Map<string, PayloadMapper>();

  /** A registry holding the given mappers. */
  constructor(mappers: Iterable<PayloadMapper> = []) {
    for (const mapper of mappers) this.register(mapper);
  }

  /**
   * Adds a mapper under its alias and class name.
   * @throws Error when one of the names is taken
   */
  register(mapper: PayloadMapper): this {
    const names = mapper.className === undefined ? [mapper.alias] : [mapper.alias, mapper.className];
    for (const name of names) {
      if (this.byName.has(name)) throw new Error(`A payload mapper named '${name}' is already registered.`);
    }
    for (const name of names) this.byName.set(name, mapper);
    return this;
  }

  /** The mapper with this alias or class name (exact, case-sensitive). */
  get(engine: string): PayloadMapper | undefined {
    return this.byName.get(engine);
  }

  /** Every alias and class name that is registered. */
  engines(): string[] {
    return [...this.byName.keys()];
  }

  /** A copy of this registry, to which further mappers may be added without changing this one. */
  extend(mappers: Iterable<PayloadMapper>): MapperRegistry {
    const copy = new MapperRegistry(new Set(this.byName.values()));
    for (const mapper of mappers) copy.register(mapper);
    return copy;
  }

  /**
   * Configures a mapper: checks the mandatory options, merges the options over the mapper's
   * defaults and lets the mapper validate them. Never throws.
   */
  load(request: MapperRequest, context: MapperConfigurationContext): MapperLoadResult {
    const engine = this.byName.get(request.mappingEngine);
    if (engine === undefined) {
      return { ok: false, reason: 'unknownEngine', error: mapperConfigInvalid(`The mapping engine '${request.mappingEngine}' is not known.`) };
    }
    const missing = engine.mandatoryOptions.filter((option) => ownValue(request.options, option) === undefined);
    if (missing.length > 0) {
      return { ok: false, reason: 'missingOptions', error: mapperOptionMissing(missing.join("', '")) };
    }
    try {
      const options = mergeOptions(engine.defaultOptions, request.options);
      const blocklist = contentTypeBlocklist(options);
      return { ok: true, mapper: engine.configure(options, context), engine, blocklist };
    } catch (error) {
      const cause = error instanceof DittoError ? error : mapperConfigInvalid(error instanceof Error ? error.message : String(error));
      return { ok: false, reason: 'invalidOptions', error: cause };
    }
  }
}
