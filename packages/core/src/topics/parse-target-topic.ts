import { DittoError } from '../errors/ditto-error.js';
import { compileFilter } from '../rql/evaluate-rql.js';
import type { CompiledRql } from '../rql/rql-compile.js';
import { parseExtraFields } from './extra-fields.js';
import { topicKindOf, type TopicKind } from './topic-kind.js';
import { urlDecode } from './url-decode.js';

/**
 * A target topic entry ready for matching.
 * @public
 */
export interface TargetTopicEntry {
  readonly kind: TopicKind;
  /** The topic part (`_/_/things/twin/events`, …). */
  readonly topic: string;
  /** Exact namespace names; empty = all. */
  readonly namespaces: readonly string[];
  /** The decoded filter (`null` when absent or dropped for this kind; `""` is kept but matches everything). */
  readonly filter: string | null;
  /** The compiled filter, `null` when there is no (non-empty) filter. */
  readonly compiledFilter: CompiledRql | null;
  /** The decoded `extraFields` selector as written, `null` when absent or dropped. */
  readonly extraFieldsSelector: string | null;
  /** The selector expanded into JSON pointers (may contain placeholders), `null` when absent. */
  readonly extraFields: readonly string[] | null;
}

/**
 * The public view of a parsed target topic.
 * @public
 */
export interface ParsedTargetTopic {
  readonly kind: string;
  readonly namespaces: string[];
  readonly filter: string | null;
  readonly extraFields: string[] | null;
}

function topicInvalid(topic: string): DittoError {
  return new DittoError({
    status: 400,
    error: 'connectivity:topic.invalid',
    message: `The topic '${topic}' could not be parsed.`,
    description: 'Check if the topic is one of the supported topics and its parameters are well-formed.',
  });
}

/** Decoded parameters; no `=` → ignored; a repeated (decoded) key or a malformed escape → error. */
function parseParameters(query: string, topic: string): Map<string, string> {
  const params = new Map<string, string>();
  if (query === '') return params;
  for (const param of query.split('&')) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    const key = urlDecode(param.slice(0, eq));
    const value = urlDecode(param.slice(eq + 1));
    if (key === undefined || value === undefined || params.has(key)) throw topicInvalid(topic);
    params.set(key, value);
  }
  return params;
}

/** Java `String.split(",")`: trailing empty strings are removed. */
function splitNamespaces(value: string | undefined): string[] {
  if (value === undefined || value === '') return [];
  const parts = value.split(',');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/**
 * Parses a target topic string with its parameters (rql-and-topics.md §1–§3). Parameters the topic
 * does not support are dropped; `extraFields` is validated for every topic (as Ditto does), the filter
 * only where it is kept.
 * @throws DittoError `connectivity:topic.invalid`, `rql.expression.invalid` or `things:field.selection.invalid` (400).
 */
export function parseTargetTopicEntry(topic: string): TargetTopicEntry {
  if (typeof topic !== 'string') throw topicInvalid(String(topic));
  const question = topic.indexOf('?');
  const info = topicKindOf(question < 0 ? topic : topic.slice(0, question));
  if (info === undefined) throw topicInvalid(topic);
  const params = parseParameters(question < 0 ? '' : topic.slice(question + 1), topic);
  const selector = params.get('extraFields');
  const extraFields = selector === undefined || selector === '' ? null : parseExtraFields(selector);
  const filter = info.filter ? (params.get('filter') ?? null) : null;
  return {
    kind: info.kind,
    topic: info.topic,
    namespaces: info.namespaces ? splitNamespaces(params.get('namespaces')) : [],
    filter,
    compiledFilter: filter === null || filter === '' ? null : compileFilter(filter),
    extraFieldsSelector: info.extraFields && extraFields !== null ? (selector ?? null) : null,
    extraFields: info.extraFields ? extraFields : null,
  };
}

/**
 * Parses a target topic string (public root API).
 * @returns the kind (see {@link TopicKind}), namespaces, decoded filter and expanded extra-field pointers.
 * @throws DittoError `connectivity:topic.invalid`, `rql.expression.invalid` or `things:field.selection.invalid` (400).
 * @public
 */
export function parseTargetTopic(topic: string): ParsedTargetTopic {
  const entry = parseTargetTopicEntry(topic);
  return {
    kind: entry.kind,
    namespaces: [...entry.namespaces],
    filter: entry.filter,
    extraFields: entry.extraFields === null ? null : [...entry.extraFields],
  };
}
