import type { DittoError } from '../errors/ditto-error.js';
import type { CompiledTemplate } from '../placeholders/compile-template.js';
import { compileTemplate } from '../placeholders/compile-template.js';
import { firstValue } from '../placeholders/pipeline-element.js';
import type { PlaceholderContext } from '../placeholders/placeholder-context.js';
import type { ConfiguredMapper } from './payload-mapper.js';

/** Limits of one mapping call (README size limits, mapping.md §2). @public */
export interface MappingLimits {
  /** Ditto Protocol messages one mapper may produce from one external message (default 10). */
  readonly maxMappedInboundMessages: number;
  /** External messages one mapper may produce from one Ditto Protocol message (default 10). */
  readonly maxMappedOutboundMessages: number;
  /** Size of a mapped signal's headers: characters of names and values (default 5 KiB). */
  readonly maxHeaderBytes: number;
}

/** Ditto's default mapping limits. @public */
export const DEFAULT_MAPPING_LIMITS: MappingLimits = { maxMappedInboundMessages: 10, maxMappedOutboundMessages: 10, maxHeaderBytes: 5 * 1024 };

/** A mapping condition compiled once: holds when `{{ fn:default('true') | <condition> }}` resolves. */
export type CompiledCondition = (context: PlaceholderContext) => boolean;

/** One mapper of a source's or target's `payloadMapping`, ready to run. @public */
export interface ChainedMapper {
  /** The id it is referenced by. */
  readonly id: string;
  readonly mapper: ConfiguredMapper;
  /** Content types for which it is skipped inbound (exact strings). */
  readonly blocklist: ReadonlySet<string>;
  readonly incomingConditions: readonly CompiledCondition[];
  readonly outgoingConditions: readonly CompiledCondition[];
}

/** The mappers of one `payloadMapping`, in order, with the limits and connection they run for. @public */
export interface MappingChain {
  readonly connectionId: string;
  readonly mappers: readonly ChainedMapper[];
  readonly limits: MappingLimits;
}

/**
 * Compiles a mapping condition (mapping.md §5, placeholders.md §5). Conditions are not validated at
 * creation: one that does not compile fails every evaluation with its placeholder error.
 */
export function compileCondition(condition: string): CompiledCondition {
  let template: CompiledTemplate;
  try {
    template = compileTemplate(`{{ fn:default('true') | ${condition} }}`);
  } catch (error) {
    return () => {
      throw error as DittoError;
    };
  }
  return (context) => firstValue(template.evaluate(context, { caseInsensitiveHeaders: true })) !== undefined;
}

/** Compiles the values of a conditions object, in key order. */
export function compileConditions(conditions: Readonly<Record<string, string>> | undefined): CompiledCondition[] {
  return conditions === undefined ? [] : Object.keys(conditions).map((key) => compileCondition(conditions[key] as string));
}
