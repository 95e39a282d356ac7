import type { DittoError } from '../errors/ditto-error.js';
import type { Credentials } from '../model/connection.js';
import type { ValidationKit } from './validation-kit.js';

/** The outbound placeholder namespaces (targets, reply targets). @public */
export const OUTBOUND_NAMESPACES = ['header', 'thing', 'entity', 'feature', 'thing-json', 'topic', 'resource', 'request', 'time', 'connection'] as const;
/** The namespaces of source header mappings (connection-model §5.3). @public */
export const SOURCE_HEADER_MAPPING_NAMESPACES = OUTBOUND_NAMESPACES;

/**
 * Which placeholders a connection type allows where Ditto checks them at creation; `unchecked`
 * positions fail per message at runtime instead (Ditto's mqtt-5 header mappings).
 * @public
 */
export interface PlaceholderRules {
  /** Namespaces of `enforcement.input` (e.g. `['header']`, `['source']` for MQTT 3.1.1). */
  readonly enforcementInput: readonly string[];
  /** Namespaces of `enforcement.filters` (default thing, policy, entity). */
  readonly enforcementFilters?: readonly string[];
  readonly sourceHeaderMapping: readonly string[] | 'unchecked';
  readonly targetHeaderMapping: readonly string[] | 'unchecked';
}

/** A `specificConfig` key a connection type understands; listed for documentation and unknown-key warnings. @public */
export interface SpecificConfigKey {
  readonly key: string;
  readonly description: string;
  readonly default?: string;
}

/**
 * Static description of one connection type: read without a container, used by validation,
 * documentation and `GET /bindings`.
 * @public
 */
export interface ConnectionTypeSpec {
  readonly type: string;
  readonly uriSchemes: readonly string[];
  /** Subset of `uriSchemes` that use TLS (`ca` is only allowed with these). */
  readonly secureUriSchemes: readonly string[];
  readonly capabilities: {
    readonly sources: boolean;
    readonly targets: boolean;
    /** `per-message` (MQTT, AMQP), `cumulative` (Kafka offsets) or `none` (no sources). */
    readonly inboundSettlement: 'none' | 'per-message' | 'cumulative';
    readonly maxClientCount?: number;
    readonly sshTunnel: boolean;
    readonly credentials: readonly Credentials['type'][];
  };
  readonly placeholders: PlaceholderRules;
  readonly specificConfig: readonly SpecificConfigKey[];
  /**
   * Type-specific rules (address syntax, qos, specificConfig values, …) after core's generic and
   * declarative checks passed. Returns the first problem, never throws.
   */
  validate(kit: ValidationKit): DittoError | undefined;
}
