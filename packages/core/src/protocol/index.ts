export type { DittoProtocolMessage, HeaderValue, ProtocolHeaders } from './envelope.js';
export { parseDittoProtocolMessage, serializeDittoProtocolMessage, toDittoProtocolJson } from './envelope.js';
export type {
  CommandAction,
  EventAction,
  SearchAction,
  StreamingAction,
  TopicChannel,
  TopicCriterion,
  TopicGroup,
  TopicPath,
} from './topic-path.js';
export { parseTopicPath, topicPathToString, TOPIC_WILDCARD } from './topic-path.js';
export type { ThingResource, ThingResourceKind } from './thing-resource.js';
export { parseThingResource, protocolPathSegments } from './thing-resource.js';
export type { MessageDirection, MessagePath } from './message-path.js';
export { CLAIM_SUBJECT, messagePathToString, parseMessagePath } from './message-path.js';
export type * from './signal.js';
export { classifySignal } from './classify-signal.js';
export {
  BUILT_IN_ACK_LABELS,
  DittoHeaders,
  defineHeader,
  headerBoolean,
  headersForExternal,
  headersFromExternal,
  headerString,
  headerStringList,
  headerValue,
  isInternalHeader,
} from './headers.js';
export type { EventMetadata, TwinCommandDecision, TwinCommandOutcome, TwinState } from './command-rules.js';
export { decideTwinCommand, twinCommandOutcome } from './command-rules.js';
export {
  policyIdInvalid,
  resourceNotAccessible,
  thingConflict,
  thingIdInvalid,
  thingNotAccessible,
} from './thing-errors.js';
export {
  illegalAdaptable,
  invalidPath,
  jsonFieldMissing,
  jsonInvalid,
  unknownChannel,
  unknownPath,
  unknownTopicPath,
  unsupportedTopicAndPath,
} from './protocol-errors.js';
export { DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, parseTimeoutHeader } from './timeout.js';
export type { AckCategory } from './requested-acks.js';
export {
  ackCategoryOf,
  checkAckHeaders,
  effectiveRequestedAcks,
  isResponseRequired,
  LIVE_RESPONSE,
  SEARCH_PERSISTED,
  TWIN_PERSISTED,
} from './requested-acks.js';
export type { AckEntity, AckOutcome, AcknowledgementEntry } from './acknowledgements.js';
export {
  acknowledgementMessage,
  ackOutcomeOf,
  aggregatedAcknowledgementsMessage,
  combinedAckStatus,
  isFailedAck,
  WEAK_ACK_PAYLOAD,
  weakAcknowledgementMessage,
} from './acknowledgements.js';
export { errorResponseMessage, errorTopicFor, UNKNOWN_ENTITY_ERROR_TOPIC } from './error-response.js';
export type { ConnectionAnnouncementName } from './announcements.js';
export { connectionAnnouncement } from './announcements.js';
export { placeholderContextOf, reconstructThingFromEvent } from './signal-views.js';
