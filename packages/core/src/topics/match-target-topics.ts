import type { JsonObject } from '../json/json-value.js';
import { pointerSegments } from '../json/json-pointer.js';
import { FALSE } from '../rql/rql-compile.js';
import type { RqlPlaceholderLookup } from '../rql/rql-property.js';
import { mergeJson } from './merge-json.js';
import type { TargetTopicEntry } from './parse-target-topic.js';
import type { TopicKind } from './topic-kind.js';

/**
 * What topic matching needs to know about an outbound signal.
 * @public
 */
export interface OutboundSignalView {
  /** The topic kind the signal belongs to. */
  readonly kind: TopicKind;
  /** Namespace of the signal's entity id (`undefined` when it has none). */
  readonly namespace?: string;
  /** The thing reconstructed from an event (rql-and-topics.md §4.4), `{}` for other signals. */
  readonly thing: JsonObject;
  /** Placeholder properties of the signal (`topic:*`, `thing:*`, `feature:id`, `resource:*`, …). */
  readonly placeholders?: RqlPlaceholderLookup;
  /** "Now" for `time:` values; the clock when absent. */
  readonly now?: Date;
}

/**
 * Resolves the placeholders in an entry's extra-field pointers for one signal: returns the concrete
 * pointers (a multi-valued placeholder yields several, an unresolved one none). Without a resolver,
 * pointers are used as written and segments containing `{{`, like `*`, match any key.
 * @public
 */
export type ExtraFieldsResolver = (pointers: readonly string[]) => readonly string[];

/**
 * The result of the pre-filter stage for one target.
 * @public
 */
export interface TopicPreMatch {
  /** Entries that may deliver the signal, in delivery priority (entries with extra fields first). */
  readonly candidates: readonly TargetTopicEntry[];
  /** Union of the candidates' (resolved) extra-field pointers to fetch once. */
  readonly extraFields: readonly string[];
  /** The resolved extra-field pointers per candidate entry. */
  readonly extraFieldsOf: ReadonlyMap<TargetTopicEntry, readonly string[]>;
}

/** Pointers as segments; `*` and placeholder segments match any key in the evaluator's unknown test. */
function unknownPointers(pointers: readonly string[]): string[][] {
  return pointers.map((p) => pointerSegments(p));
}

function acceptsNamespace(entry: TargetTopicEntry, namespace: string | undefined): boolean {
  return entry.namespaces.length === 0 || (namespace !== undefined && entry.namespaces.includes(namespace));
}

/**
 * Pre-filter (before enrichment): the entries of a target that accept the signal by kind, namespace and
 * three-valued filter evaluation, where properties related to the entry's extra fields are unknown
 * (an entry passes unless its filter is false). An empty `candidates` list means the target does not
 * receive the signal.
 * @public
 */
export function preMatchTargetTopics(
  entries: readonly TargetTopicEntry[],
  signal: OutboundSignalView,
  resolveExtraFields: ExtraFieldsResolver = (pointers) => pointers,
): TopicPreMatch {
  const ordered = [...entries].sort((a, b) => Number(b.extraFields !== null) - Number(a.extraFields !== null));
  const candidates: TargetTopicEntry[] = [];
  const extraFieldsOf = new Map<TargetTopicEntry, readonly string[]>();
  const union = new Set<string>();
  const input = {
    thing: signal.thing,
    ...(signal.placeholders !== undefined ? { placeholders: signal.placeholders } : {}),
    ...(signal.now !== undefined ? { now: signal.now } : {}),
  };
  for (const entry of ordered) {
    if (entry.kind !== signal.kind || !acceptsNamespace(entry, signal.namespace)) continue;
    const pointers = entry.extraFields === null ? [] : resolveExtraFields(entry.extraFields);
    if (entry.compiledFilter !== null && entry.compiledFilter.test3(input, unknownPointers(pointers)) === FALSE) continue;
    candidates.push(entry);
    if (entry.extraFields !== null) {
      extraFieldsOf.set(entry, pointers);
      for (const p of pointers) union.add(p);
    }
  }
  return { candidates, extraFields: [...union], extraFieldsOf };
}

/**
 * Post-filter (after enrichment): the entry chosen for delivery — the first candidate whose filter holds
 * (two-valued) on the reconstructed thing merged with the fetched `extra` data. Candidates without extra
 * fields were decided by the pre-filter already. `null` = not published to this target.
 * @public
 */
export function postMatchTargetTopics(
  preMatch: TopicPreMatch,
  signal: OutboundSignalView,
  extra: JsonObject | undefined,
): TargetTopicEntry | null {
  const merged = extra === undefined ? signal.thing : mergeJson(signal.thing, extra);
  for (const entry of preMatch.candidates) {
    if (entry.extraFields === null || entry.compiledFilter === null) return entry;
    const passes = entry.compiledFilter.test({
      thing: merged,
      ...(signal.placeholders !== undefined ? { placeholders: signal.placeholders } : {}),
      ...(signal.now !== undefined ? { now: signal.now } : {}),
    });
    if (passes) return entry;
  }
  return null;
}
