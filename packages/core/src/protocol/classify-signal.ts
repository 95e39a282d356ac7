import type { DittoErrorJson } from '../errors/ditto-error.js';
import { isDittoErrorJson } from '../errors/ditto-error.js';
import type { JsonValue } from '../json/json-value.js';
import { isJsonObject } from '../json/json-value.js';
import { parseNamespacedId } from '../model/entity-id.js';
import type { DittoProtocolMessage } from './envelope.js';
import { headerValue } from './headers.js';
import { parseMessagePath } from './message-path.js';
import {
  fieldTypeInvalid,
  illegalAdaptable,
  jsonFieldMissing,
  mergeContentTypeMissing,
  unknownPath,
  unsupportedTopicAndPath,
} from './protocol-errors.js';
import type { ProtocolSignal } from './signal.js';
import { policyIdInvalid, thingIdInvalid } from './thing-errors.js';
import type { ThingResource } from './thing-resource.js';
import { parseThingResource, protocolPathSegments } from './thing-resource.js';
import type { CommandAction, EventAction, SearchAction, StreamingAction, TopicChannel, TopicPath } from './topic-path.js';
import { parseTopicPath, TOPIC_WILDCARD } from './topic-path.js';

const MERGE_PATCH = 'application/merge-patch+json';
const CONNECTION_ANNOUNCEMENTS: ReadonlySet<string> = new Set(['opened', 'closed']);
const POLICY_ANNOUNCEMENTS: ReadonlySet<string> = new Set(['subjectDeletion']);
const POLICY_ROOTS: ReadonlySet<string> = new Set(['policyId', 'entries', 'imports']);

/**
 * Decides what kind of signal a Ditto Protocol message is and checks that topic, path, status and
 * required fields fit together (protocol.md §2, §4–§10). Pass an already parsed topic to avoid
 * parsing it twice.
 * @throws DittoError `protocoladapter:*`, `things:id.invalid`, `json.*` (400), `mediatype.unsupported` (415) or `protocoladapter:illegal.adaptable` (422)
 */
export function classifySignal(message: DittoProtocolMessage, topicPath: TopicPath = parseTopicPath(message.topic)): ProtocolSignal {
  switch (topicPath.group) {
    case 'things':
      return classifyThingSignal(message, topicPath, topicPath.channel as TopicChannel);
    case 'policies':
      return classifyPolicySignal(message, topicPath);
    case 'connections':
      if (!CONNECTION_ANNOUNCEMENTS.has(topicPath.subject ?? '')) throw unsupportedTopicAndPath(message.topic, message.path);
      return announcement(topicPath, 'connections');
  }
}

function classifyThingSignal(message: DittoProtocolMessage, topicPath: TopicPath, channel: TopicChannel): ProtocolSignal {
  switch (topicPath.criterion) {
    case 'commands':
      return classifyThingCommand(message, topicPath, channel, topicPath.action as CommandAction);
    case 'events': {
      const action = topicPath.action as EventAction;
      const resource = parseThingResource(message.path);
      if ((action === 'created' || action === 'deleted') && resource.kind === 'policyId') {
        throw unsupportedTopicAndPath(message.topic, message.path);
      }
      return { kind: 'event', topicPath, channel, action, resource, thingId: thingIdOf(topicPath) };
    }
    case 'messages': {
      const thingId = thingIdOf(topicPath);
      const parsed = parseMessagePath(message.path, topicPath.subject as string);
      const base = { topicPath, channel: 'live' as const, thingId, ...parsed };
      return message.status === undefined ? { kind: 'message', ...base } : { kind: 'messageResponse', ...base, status: message.status };
    }
    case 'acks': {
      const thingId = thingIdOf(topicPath);
      const status = requiredStatus(message);
      if (topicPath.subject === undefined) return { kind: 'acknowledgements', topicPath, channel, thingId, status };
      return { kind: 'acknowledgement', topicPath, channel, thingId, label: topicPath.subject, status };
    }
    case 'errors':
      return errorResponse(message, topicPath);
    case 'search':
      return { kind: 'search', topicPath, action: topicPath.action as SearchAction, optional: true };
    case 'streaming':
      return { kind: 'streaming', topicPath, action: topicPath.action as StreamingAction, optional: true };
    default:
      throw unsupportedTopicAndPath(message.topic, message.path);
  }
}

function classifyThingCommand(message: DittoProtocolMessage, topicPath: TopicPath, channel: TopicChannel, action: CommandAction): ProtocolSignal {
  // Ditto reads a retrieve addressed to the `_` name as "retrieve several things", whatever the path.
  if (action === 'retrieve' && topicPath.name === TOPIC_WILDCARD && message.status === undefined) {
    return { kind: 'retrieveThings', topicPath, channel, thingIds: thingIdsOf(message) };
  }
  const thingId = thingIdOf(topicPath);
  const resource = parseThingResource(message.path);
  if (!actionAvailable(action, resource)) throw unsupportedTopicAndPath(message.topic, message.path);
  if (message.status !== undefined) {
    if (message.status < 200 || message.status > 299) {
      throw illegalAdaptable(`The status <${message.status}> is not valid for a response to '${message.topic}' at '${resource.path}'.`);
    }
    return { kind: 'commandResponse', topicPath, channel, action, resource, thingId, status: message.status };
  }
  if ((action === 'create' || action === 'modify' || action === 'merge' || action === 'migrate') && message.value === undefined) {
    throw jsonFieldMissing('/value');
  }
  if (action === 'merge' && !isMergePatch(headerValue(message.headers, 'content-type'))) throw mergeContentTypeMissing();
  if (action === 'create' || action === 'modify') checkModifyValue(resource, message.value as JsonValue);
  return { kind: 'command', topicPath, channel, action, resource, thingId };
}

/** protocol.md §4: create only for the thing, delete everywhere except `/policyId`. */
function actionAvailable(action: CommandAction, resource: ThingResource): boolean {
  if (action === 'create') return resource.kind === 'thing';
  if (action === 'delete') return resource.kind !== 'policyId';
  return true;
}

/** The value of a create/modify must have the resource's JSON type (definitions may be `null`, protocol.md §4). */
function checkModifyValue(resource: ThingResource, value: JsonValue): void {
  switch (resource.kind) {
    case 'thing':
    case 'attributes':
    case 'features':
    case 'feature':
    case 'featureProperties':
    case 'featureDesiredProperties':
      if (!isJsonObject(value)) throw fieldTypeInvalid('/value', value, 'JsonObject');
      return;
    case 'policyId':
      if (typeof value !== 'string') throw fieldTypeInvalid('/value', value, 'String');
      return;
    case 'definition':
      if (typeof value !== 'string' && value !== null) throw fieldTypeInvalid('/value', value, 'String');
      return;
    case 'featureDefinition':
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        throw fieldTypeInvalid('/value', value, 'JsonArray of String');
      }
      return;
    default:
      return;
  }
}

function classifyPolicySignal(message: DittoProtocolMessage, topicPath: TopicPath): ProtocolSignal {
  switch (topicPath.criterion) {
    case 'commands': {
      const action = topicPath.action as CommandAction;
      const segments = protocolPathSegments(message.path);
      const first = segments[0];
      if (first !== undefined && !POLICY_ROOTS.has(first)) throw unknownPath(message.path);
      if (action === 'create' && first !== undefined) throw unsupportedTopicAndPath(message.topic, message.path);
      const policyId = topicPath.entityId;
      if (policyId === undefined || parseNamespacedId(policyId) === undefined) throw policyIdInvalid(`${topicPath.namespace}:${topicPath.name}`);
      const path = '/' + segments.join('/');
      return message.status === undefined
        ? { kind: 'policyCommand', topicPath, action, policyId, path }
        : { kind: 'policyCommandResponse', topicPath, action, policyId, path, status: message.status };
    }
    case 'errors':
      return errorResponse(message, topicPath);
    case 'announcements':
      if (!POLICY_ANNOUNCEMENTS.has(topicPath.subject ?? '')) throw unsupportedTopicAndPath(message.topic, message.path);
      return announcement(topicPath, 'policies');
    default:
      throw unsupportedTopicAndPath(message.topic, message.path);
  }
}

function announcement(topicPath: TopicPath, group: 'policies' | 'connections'): ProtocolSignal {
  const name = topicPath.subject as string;
  return topicPath.entityId === undefined
    ? { kind: 'announcement', topicPath, group, name }
    : { kind: 'announcement', topicPath, group, name, entityId: topicPath.entityId };
}

function errorResponse(message: DittoProtocolMessage, topicPath: TopicPath): ProtocolSignal {
  const value = message.value;
  const error: DittoErrorJson | undefined = isDittoErrorJson(value) ? value : undefined;
  const status = message.status ?? error?.status;
  if (status === undefined) throw jsonFieldMissing('/status');
  return error === undefined ? { kind: 'errorResponse', topicPath, status } : { kind: 'errorResponse', topicPath, status, error };
}

function requiredStatus(message: DittoProtocolMessage): number {
  if (message.status === undefined) throw jsonFieldMissing('/status');
  return message.status;
}

function thingIdOf(topicPath: TopicPath): string {
  const id = `${topicPath.namespace}:${topicPath.name}`;
  if (parseNamespacedId(id) === undefined) throw thingIdInvalid(id);
  return id;
}

function thingIdsOf(message: DittoProtocolMessage): string[] {
  const value = message.value;
  const ids = isJsonObject(value) ? value['thingIds'] : undefined;
  if (ids === undefined) throw jsonFieldMissing('/thingIds');
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw fieldTypeInvalid('/thingIds', ids, 'JsonArray of String');
  return ids as string[];
}

function isMergePatch(contentType: unknown): boolean {
  if (typeof contentType !== 'string') return false;
  const semicolon = contentType.indexOf(';');
  const mediaType = (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  return mediaType === MERGE_PATCH;
}
