import type { ExternalMessage } from '../binding-api/external-message.js';
import type { JsonObject, JsonValue } from '../json/json-value.js';
import { isJsonObject } from '../json/json-value.js';
import { pointerSegments, withValueAt } from '../json/json-pointer.js';
import type { DittoProtocolMessage } from '../protocol/envelope.js';
import type { TopicPath } from '../protocol/topic-path.js';
import { parseTopicPath } from '../protocol/topic-path.js';
import { mergeJson } from '../topics/merge-json.js';
import type { FieldSelector } from '../json/field-selector.js';
import { parseFieldSelector, selectFields } from '../json/field-selector.js';
import { DittoError } from '../errors/ditto-error.js';
import { mappingFailedWith, mapperConfigInvalid } from './mapping-errors.js';
import { booleanOption, stringOption } from './mapper-options.js';
import type { ConfiguredMapper, PayloadMapper } from './payload-mapper.js';

const CHANGES: ReadonlySet<string> = new Set(['created', 'modified', 'merged']);

function put(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function tryTopic(topic: string): TopicPath | undefined {
  try {
    return parseTopicPath(topic);
  } catch {
    return undefined;
  }
}

// Ditto skips merge keys that are regex deletions (`{{ ~…~ }}` or `{{ /…/ }}`).
function isRegexDeletionKey(key: string): boolean {
  return key.startsWith('{{') && key.endsWith('}}') && (key.includes('~') || key.includes('/'));
}

function collectMergeNulls(patch: JsonObject, base: readonly string[], timestamp: string, into: { value: unknown }): void {
  for (const key of Object.keys(patch)) {
    if (isRegexDeletionKey(key)) continue;
    const path = [...base, key];
    const value = patch[key] as JsonValue;
    if (value === null) into.value = withValueAt(into.value, path, timestamp);
    else if (isJsonObject(value)) collectMergeNulls(value, path, timestamp, into);
  }
}

function deletedFields(action: string | undefined, segments: readonly string[], value: JsonValue | undefined, timestamp: string): JsonObject {
  const into: { value: unknown } = { value: {} };
  if (action === 'deleted' && segments.length > 0) into.value = withValueAt({}, segments, timestamp);
  else if (action === 'merged' && value !== undefined) {
    if (value === null && segments.length > 0) into.value = withValueAt({}, segments, timestamp);
    else if (isJsonObject(value)) collectMergeNulls(value, segments, timestamp, into);
  }
  return into.value as JsonObject;
}

function withoutNullsAndEmptyObjects(object: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const key of Object.keys(object)) {
    const value = object[key] as JsonValue;
    if (value === null) continue;
    if (isJsonObject(value)) {
      const inner = withoutNullsAndEmptyObjects(value);
      if (Object.keys(inner).length > 0) put(result, key, inner);
    } else {
      put(result, key, value);
    }
  }
  return result;
}

function selectorOption(fields: string): FieldSelector {
  try {
    return parseFieldSelector(fields);
  } catch (error) {
    if (!(error instanceof DittoError)) throw error;
    throw mapperConfigInvalid(`The field selector <${fields}> of the mapper option 'fields' is not valid.`);
  }
}

function normalize(message: DittoProtocolMessage, topic: TopicPath, includeDeletedFields: boolean, selector: FieldSelector | undefined): ExternalMessage {
  const segments = pointerSegments(message.path);
  let result: JsonObject = { thingId: `${topic.namespace}:${topic.name}` };
  if (segments.length === 0 && message.value !== undefined) {
    if (!isJsonObject(message.value)) throw mappingFailedWith(`The event at path '/' of '${message.topic}' has no JSON object as value.`);
    for (const key of Object.keys(message.value)) put(result, key, message.value[key] as JsonValue);
  } else if (message.value !== undefined) {
    result = withValueAt(result, segments, message.value) as JsonObject;
  }
  if (message.timestamp !== undefined) put(result, '_modified', message.timestamp);
  if (message.revision !== undefined) put(result, '_revision', message.revision);
  if (topic.action === 'deleted' && segments.length === 0 && message.timestamp !== undefined) put(result, '_deleted', message.timestamp);
  if (includeDeletedFields && message.timestamp !== undefined) {
    const deleted = deletedFields(topic.action, segments, message.value, message.timestamp);
    if (Object.keys(deleted).length > 0) put(result, '_deletedFields', deleted);
  }
  const context: JsonObject = { topic: message.topic, path: message.path, value: message.value ?? null };
  if (message.fields !== undefined) context['fields'] = message.fields;
  context['headers'] = message.headers as JsonObject;
  put(result, '_context', context);
  // the event's own fields win over enrichment data
  if (message.extra !== undefined) result = mergeJson(message.extra, result) as JsonObject;
  if (selector !== undefined) result = selectFields(result, selector) as JsonObject;
  if (topic.action === 'merged') result = withoutNullsAndEmptyObjects(result);
  return { headers: { 'content-type': 'application/json' }, textPayload: JSON.stringify(result), contentType: 'application/json' };
}

/**
 * `Normalized` (mapping.md §4.3), outbound only: thing change events become a sparse thing JSON with
 * `_modified`, `_revision`, `_deleted`, `_deletedFields` and `_context`.
 * Options: `fields` (field selector), `includeDeletedFields` (default false).
 * @public
 */
export const NORMALIZED_MAPPER: PayloadMapper = {
  alias: 'Normalized',
  className: 'NormalizedMessageMapper',
  direction: 'outbound',
  mandatoryOptions: [],
  defaultOptions: {},
  configure(options): ConfiguredMapper {
    const fields = stringOption(options, 'fields');
    const selector = fields === undefined ? undefined : selectorOption(fields);
    const includeDeletedFields = booleanOption(options, 'includeDeletedFields', false);
    return {
      mapInbound: () => [],
      mapOutbound(message) {
        const topic = tryTopic(message.topic);
        if (topic?.group !== 'things' || topic.criterion !== 'events') return [];
        const wholeThingDeleted = topic.action === 'deleted' && pointerSegments(message.path).length === 0;
        const change = CHANGES.has(topic.action ?? '') || (includeDeletedFields && topic.action === 'deleted') || wholeThingDeleted;
        return change ? [normalize(message, topic, includeDeletedFields, selector)] : [];
      },
    };
  },
};
