import type { DittoError } from '../errors/ditto-error.js';
import type { MappingDefinition } from '../model/connection.js';
import type { ProtocolHeaders } from '../protocol/envelope.js';
import { headerString, headerValue } from '../protocol/headers.js';
import { createMapperRegistry } from './built-in-mappers.js';
import { DITTO_MAPPER } from './ditto-mapper.js';
import { INBOUND_PAYLOAD_MAPPER_HEADER } from './map-inbound.js';
import type { ChainedMapper, MappingChain, MappingLimits } from './mapping-chain.js';
import { compileConditions, DEFAULT_MAPPING_LIMITS } from './mapping-chain.js';
import { contentTypeBlocklist } from './mapper-options.js';
import type { MapperLoadResult, MapperRegistry } from './mapper-registry.js';

/** Options of {@link ConnectionMappers}. @public */
export interface ConnectionMappersOptions {
  /** Mappers to choose from (default: the built-in ones). */
  readonly registry?: MapperRegistry;
  readonly limits?: Partial<MappingLimits>;
}

/** What a connection's mappers are configured from. @public */
export interface MappingConfiguration {
  readonly id: string;
  readonly mappingDefinitions: Readonly<Record<string, MappingDefinition>>;
}

/**
 * Loads an id of a `payloadMapping` the way mapping.md §1 says: a mapping definition of the
 * connection first, then the alias of a registered mapper that needs no configuration.
 * `undefined` when the id names neither.
 * @public
 */
export function loadMapperById(id: string, configuration: MappingConfiguration, registry: MapperRegistry): MapperLoadResult | undefined {
  const context = { mapperId: id, connectionId: configuration.id };
  if (Object.prototype.hasOwnProperty.call(configuration.mappingDefinitions, id)) {
    return registry.load(configuration.mappingDefinitions[id] as MappingDefinition, context);
  }
  const engine = registry.get(id);
  if (engine === undefined || engine.alias !== id || engine.mandatoryOptions.length > 0) return undefined;
  return registry.load({ mappingEngine: id, options: {} }, context);
}

/**
 * The configured mappers of one connection: each mapping definition is configured once, chains are
 * built once per distinct `payloadMapping`. At runtime an id that cannot be loaded falls back to the
 * default `Ditto` mapper (the problem is kept in {@link ConnectionMappers.problems} for logging).
 * @public
 */
export class ConnectionMappers {
  /** Ids that could not be loaded, with the reason. */
  readonly problems = new Map<string, DittoError>();
  private readonly limits: MappingLimits;
  private readonly registry: MapperRegistry;
  private readonly entries = new Map<string, ChainedMapper>();
  private readonly chains = new Map<string, MappingChain>();
  private readonly fallback: ChainedMapper;

  /** Configures the mappers of a connection. */
  constructor(
    private readonly configuration: MappingConfiguration,
    options: ConnectionMappersOptions = {},
  ) {
    this.registry = options.registry ?? createMapperRegistry();
    this.limits = { ...DEFAULT_MAPPING_LIMITS, ...options.limits };
    const defaults = DITTO_MAPPER.defaultOptions;
    const mapper = DITTO_MAPPER.configure(defaults, { mapperId: DITTO_MAPPER.alias, connectionId: configuration.id });
    this.fallback = { id: DITTO_MAPPER.alias, mapper, blocklist: contentTypeBlocklist(defaults), incomingConditions: [], outgoingConditions: [] };
  }

  /** The chain of a source's or target's `payloadMapping` (empty → the default mapper). */
  chain(payloadMapping: readonly string[]): MappingChain {
    const ids = payloadMapping.length === 0 ? [DITTO_MAPPER.alias] : payloadMapping;
    const key = ids.join('\u0000');
    let chain = this.chains.get(key);
    if (chain === undefined) {
      chain = { connectionId: this.configuration.id, mappers: ids.map((id) => this.entry(id)), limits: this.limits };
      this.chains.set(key, chain);
    }
    return chain;
  }

  /** The chain for a response to an inbound command: the mapper named by `ditto-inbound-payload-mapper`, else the default. */
  replyChain(headers: ProtocolHeaders): MappingChain {
    const id = headerValue(headers, INBOUND_PAYLOAD_MAPPER_HEADER);
    return this.chain(id === undefined || id === null ? [] : [headerString(id)]);
  }

  /** Releases the resources of every configured mapper. */
  async close(): Promise<void> {
    await Promise.all([...this.entries.values()].map((entry) => entry.mapper.close?.()));
  }

  private entry(id: string): ChainedMapper {
    let entry = this.entries.get(id);
    if (entry !== undefined) return entry;
    const loaded = loadMapperById(id, this.configuration, this.registry);
    if (loaded === undefined || !loaded.ok) {
      if (loaded !== undefined) this.problems.set(id, loaded.error);
      entry = { ...this.fallback, id };
    } else {
      const definition = Object.prototype.hasOwnProperty.call(this.configuration.mappingDefinitions, id) ? this.configuration.mappingDefinitions[id] : undefined;
      entry = {
        id,
        mapper: loaded.mapper,
        blocklist: loaded.blocklist,
        incomingConditions: compileConditions(definition?.incomingConditions),
        outgoingConditions: compileConditions(definition?.outgoingConditions),
      };
    }
    this.entries.set(id, entry);
    return entry;
  }
}
