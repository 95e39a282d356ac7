import { DittoError } from '../errors/ditto-error.js';
import { cachedTemplate } from '../placeholders/compile-template.js';
import type { CompiledTemplate } from '../placeholders/compile-template.js';
import type { PlaceholderContext } from '../placeholders/placeholder-context.js';
import { resolveAllOrError, resolveFirstOrError } from '../placeholders/positions.js';

/** A source's `enforcement` configuration. */
export interface EnforcementConfig {
  readonly input: string;
  readonly filters: readonly string[];
}

/** The consumed message as enforcement sees it: raw broker headers and, for MQTT, the topic. */
export interface EnforcementMessage {
  readonly headers: Readonly<Record<string, string>>;
  readonly sourceAddress?: string;
}

/** The entity of the mapped signal. */
export interface EnforcementEntity {
  readonly type: 'thing' | 'policy';
  readonly id: string;
}

/** Where the input template is resolved: `auto` = the MQTT-5 rule on the literal `{{ source:address }}`. */
export type EnforcementInputSource = 'auto' | 'source-address' | 'headers';

const SOURCE_ADDRESS_LITERAL = '{{ source:address }}';
const FAMILIES = ['thing', 'policy', 'entity'] as const;

/** `connectivity:connection.id.enforcement.failed` (400) for the resolved input. */
export function enforcementFailedError(input: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'connectivity:connection.id.enforcement.failed',
    message: `The configured filters could not be matched against the given target with ID '${input}'.`,
    description: 'Either modify the configured filter or ensure that the message is sent via the correct ID.',
  });
}

function inputContext(enforcement: EnforcementConfig, message: EnforcementMessage, from: EnforcementInputSource): PlaceholderContext {
  const useAddress =
    from === 'source-address' ||
    (from === 'auto' && message.sourceAddress !== undefined && enforcement.input.includes(SOURCE_ADDRESS_LITERAL));
  return useAddress ? { sourceAddress: message.sourceAddress ?? null } : { headers: message.headers };
}

// One placeholder family at a time, like Ditto's per-family filter resolvers.
function familyContext(family: (typeof FAMILIES)[number], entity: EnforcementEntity): PlaceholderContext {
  if (family === 'entity') return { entityId: entity.id };
  if (family === 'thing') return { thingId: entity.type === 'thing' ? entity.id : null };
  return { policyId: entity.type === 'policy' ? entity.id : null };
}

function isUnresolvedError(error: unknown): error is DittoError {
  return error instanceof DittoError && error.error === 'placeholder:unresolved';
}

/**
 * Enforcement (connection-model.md §5.1): resolves `input` (exact-case headers, or the source address)
 * and passes when any filter, resolved with `thing:`, `policy:` or `entity:` of the signal's entity,
 * equals it. Returns `'pass'` or the error: `placeholder:unresolved` when the input does not resolve
 * or exactly three filter attempts were unresolved, otherwise
 * `connectivity:connection.id.enforcement.failed`. Other placeholder errors (bad functions) are thrown.
 */
export function evaluateEnforcement(
  enforcement: EnforcementConfig,
  message: EnforcementMessage,
  entity: EnforcementEntity,
  inputFrom: EnforcementInputSource = 'auto',
): 'pass' | DittoError {
  let input: string;
  try {
    input = resolveFirstOrError(enforcement.input, inputContext(enforcement, message, inputFrom));
  } catch (error) {
    if (isUnresolvedError(error)) return error;
    throw error;
  }
  const filters: CompiledTemplate[] = enforcement.filters.map((filter) => cachedTemplate(filter));
  const unresolved: DittoError[] = [];
  for (const family of FAMILIES) {
    const context = familyContext(family, entity);
    for (const filter of filters) {
      try {
        if (resolveAllOrError(filter, context).includes(input)) return 'pass';
      } catch (error) {
        if (!isUnresolvedError(error)) throw error;
        unresolved.push(error);
      }
    }
  }
  // Ditto compares the number of unresolved attempts with the number of families
  const [firstUnresolved] = unresolved;
  if (unresolved.length === FAMILIES.length && firstUnresolved) return firstUnresolved;
  return enforcementFailedError(input);
}

/**
 * Enforcement as a yes/no answer: `'pass'` or `'reject'` (any failure, including unresolved
 * placeholders and malformed templates).
 * @public
 */
export function checkEnforcement(
  enforcement: { input: string; filters: string[] },
  message: { headers: Record<string, string>; sourceAddress?: string },
  entity: { type: 'thing' | 'policy'; id: string },
): 'pass' | 'reject' {
  try {
    return evaluateEnforcement(enforcement, message, entity) === 'pass' ? 'pass' : 'reject';
  } catch (error) {
    if (error instanceof DittoError) return 'reject';
    throw error;
  }
}
