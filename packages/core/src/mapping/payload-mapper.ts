import type { ExternalMessage } from '../binding-api/external-message.js';
import type { JsonObject } from '../json/json-value.js';
import type { DittoProtocolMessage } from '../protocol/envelope.js';

/** Which way a mapper translates: `inbound` mappers drop every outbound message and vice versa. @public */
export type MapperDirection = 'inbound' | 'outbound' | 'both';

/** Mapper options: the definition's `options` merged over the mapper's defaults (given keys win). @public */
export type MapperOptions = Readonly<JsonObject>;

/**
 * What a mapper learns when it is configured. Plain data only, so a mapper may hand it to an
 * isolated worker.
 * @public
 */
export interface MapperConfigurationContext {
  /** The id the mapper is referenced by: a mapping definition id or a built-in alias. */
  readonly mapperId: string;
  /** Id of the connection the mapper belongs to (`connection:id`). */
  readonly connectionId: string;
}

/**
 * What a mapper sees per message besides the message itself. Plain data only (structured-cloneable),
 * so a mapper may run in a worker or sandbox.
 * @public
 */
export interface MappingContext {
  /** The id the mapper is referenced by. */
  readonly mapperId: string;
  /** Id of the connection (`connection:id`). */
  readonly connectionId: string;
  /** Authorization subjects of the source or target (`request:subjectId`). */
  readonly authorizationSubjects: readonly string[];
  /** "Now" for `time:` placeholders and timestamps, in epoch milliseconds. */
  readonly now: number;
}

/** A result that may be computed synchronously or asynchronously. @public */
export type MaybePromise<T> = T | Promise<T>;

/**
 * A mapper configured with its options: translates one message per call. Both methods may return a
 * promise (a script mapper runs in isolation); both may throw (or reject) — the mapping chain turns
 * every failure into an error outcome. An empty result means "dropped".
 * @public
 */
export interface ConfiguredMapper {
  /** One external message → 0..n Ditto Protocol messages. */
  mapInbound(message: ExternalMessage, context: MappingContext): MaybePromise<readonly DittoProtocolMessage[]>;
  /** One Ditto Protocol message → 0..n external messages. */
  mapOutbound(message: DittoProtocolMessage, context: MappingContext): MaybePromise<readonly ExternalMessage[]>;
  /** Releases resources (workers, sandboxes) when the connection closes. */
  close?(): MaybePromise<void>;
}

/**
 * A payload mapping engine (mapping.md §1). `configure` validates the merged options once per mapping
 * definition and compiles whatever it needs (templates, scripts); it throws a
 * `connectivity:message.mapper.config.invalid` {@link DittoError} for bad options.
 * @public
 */
export interface PayloadMapper {
  /** The alias used as `mappingEngine` and, for configuration-free mappers, as payloadMapping id. */
  readonly alias: string;
  /** The implementation class name, also accepted as `mappingEngine`. */
  readonly className?: string;
  /** Which way the mapper translates. */
  readonly direction: MapperDirection;
  /** Options that must be given in the mapping definition; such a mapper cannot be used by its alias alone. */
  readonly mandatoryOptions: readonly string[];
  /** Options applied when the definition does not give them. */
  readonly defaultOptions: MapperOptions;
  /** Validates the options and returns the configured mapper. */
  configure(options: MapperOptions, context: MapperConfigurationContext): ConfiguredMapper;
}
