import { parseTargetTopicEntry, type TargetTopicEntry } from './parse-target-topic.js';

/**
 * The canonical text of a topic entry: `topic?namespaces=…&filter=…&extraFields=…` with only the
 * non-empty parts, in this order, values decoded (not URL-encoded again).
 * @public
 */
export function serializeTargetTopic(entry: TargetTopicEntry): string {
  const params: string[] = [];
  if (entry.namespaces.length > 0) params.push(`namespaces=${entry.namespaces.join(',')}`);
  if (entry.filter !== null && entry.filter !== '') params.push(`filter=${entry.filter}`);
  if (entry.extraFieldsSelector !== null) params.push(`extraFields=${entry.extraFieldsSelector}`);
  return params.length === 0 ? entry.topic : `${entry.topic}?${params.join('&')}`;
}

/**
 * Parses all topics of a target and merges entries with the same canonical form (first occurrence kept).
 * @throws DittoError for the first invalid topic (see {@link parseTargetTopicEntry}).
 * @public
 */
export function parseTargetTopics(topics: readonly string[]): TargetTopicEntry[] {
  const byText = new Map<string, TargetTopicEntry>();
  for (const topic of topics) {
    const entry = parseTargetTopicEntry(topic);
    const text = serializeTargetTopic(entry);
    if (!byText.has(text)) byText.set(text, entry);
  }
  return [...byText.values()];
}
