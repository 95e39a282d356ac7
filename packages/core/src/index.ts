/**
 * twinlink core: everything protocol-independent. Only what is exported here is public API.
 * @packageDocumentation
 */
import 'reflect-metadata';

// Errors and JSON
export { DittoError, isDittoErrorJson } from './errors/ditto-error.js';
export type { DittoErrorJson } from './errors/ditto-error.js';
export type { JsonValue, JsonObject } from './json/json-value.js';
export { isJsonObject, ownValue, setOwn, jsonEqual } from './json/json-value.js';
export { pointerSegments, pointerOf, valueAt, withValueAt } from './json/json-pointer.js';
export { parseFieldSelector, selectFields } from './json/field-selector.js';
export type { FieldSelector, SelectOptions } from './json/field-selector.js';

// Connection model
export { DITTO_CONNECTION_TYPES } from './model/connection.js';
export type {
  AcknowledgementRequests,
  ClientCertificateCredentials,
  Connection,
  ConnectionType,
  ConnectivityStatus,
  Credentials,
  Enforcement,
  HeaderMapping,
  HmacCredentials,
  MappingDefinition,
  OAuthCredentials,
  PlainCredentials,
  PublicKeyCredentials,
  ReplyTarget,
  ResponseType,
  Source,
  SshTunnel,
  Target,
} from './model/connection.js';
export { parseConnection } from './model/parse-connection.js';
export type { ParseConnectionOptions } from './model/parse-connection.js';
export { connectionToJson } from './model/connection-to-json.js';
export { parseConnectionUri, maskPassword, SECRET_MASK } from './model/connection-uri.js';
export type { ConnectionUri } from './model/connection-uri.js';
export { isValidConnectionId } from './model/connection-id.js';
export {
  DIVERT_EXPECTED_RESPONSE_TYPES,
  DIVERT_RESPONSE_TO_CONNECTION,
  DIVERTED_RESPONSE_FROM_CONNECTION,
  divertedResponseTypes,
  responseDiversionConfig,
} from './model/response-diversion.js';
export type { ResponseDiversionConfig } from './model/response-diversion.js';
export { parseNamespacedId, splitNamespacedId } from './model/entity-id.js';
export type { NamespacedId } from './model/entity-id.js';

// Validation
export { validateConnection, checkConnection } from './validation/validate-connection.js';
export type { ValidateConnectionOptions, ConnectionValidationResult } from './validation/validate-connection.js';
export { DEFAULT_VALIDATION_LIMITS } from './validation/validation-context.js';
export type { ValidationLimits } from './validation/validation-context.js';
export { HostBlocker } from './validation/host-blocking.js';
export type { HostBlockingConfig } from './validation/host-blocking.js';
export { parseConfigDuration } from './validation/hocon-duration.js';
export { encodeWithCharset } from './text/charset-codec.js';

// Binding contract
export { BINDING_API_VERSION } from './binding-api/api-version.js';
export { isApiCompatible } from './binding-api/api-compatibility.js';
export { BINDING_PLUGIN, BINDING_DEFINITION_BRAND } from './binding-api/tokens.js';
export { defineBinding, isBindingDefinition } from './binding-api/binding-definition.js';
export type { BindingDefinition, BindingDefinitionInput } from './binding-api/binding-definition.js';
export { OUTBOUND_NAMESPACES, SOURCE_HEADER_MAPPING_NAMESPACES } from './binding-api/connection-type-spec.js';
export type { ConnectionTypeSpec, PlaceholderRules, SpecificConfigKey } from './binding-api/connection-type-spec.js';
export type { ValidationKit } from './binding-api/validation-kit.js';
export type { BindingPlugin } from './binding-api/binding-plugin.js';
export type { ProtocolClient, Consumer, ConsumerSpec, Publisher, TestStage } from './binding-api/protocol-client.js';
export type { ClientContext, ClientEvent, ClientTlsOptions, BindingLogger, HostValidator } from './binding-api/client-context.js';
export type { ExternalMessage, InboundMessage, OutboundMessage } from './binding-api/external-message.js';
export type { InboundSink, Settlement } from './binding-api/settlement.js';
export type { PublishOutcome } from './binding-api/publish-outcome.js';
export { BindingError } from './binding-api/binding-error.js';
export type { BindingErrorKind } from './binding-api/binding-error.js';

// Binding registry
export { BindingRegistry, BINDING_PACKAGE_BY_TYPE } from './registry/binding-registry.js';
export type { RegisteredConnectionType, SkippedBinding, BindingSkipCode } from './registry/binding-registry.js';

// Placeholders
export type { PlaceholderContext } from './placeholders/placeholder-context.js';

export { resolvePlaceholders, toResolvedTemplate } from './placeholders/resolve-placeholders.js';
export type { ResolvedTemplate } from './placeholders/resolve-placeholders.js';
export { compileTemplate, cachedTemplate, MAX_TEMPLATE_VALUES } from './placeholders/compile-template.js';
export type { CompiledTemplate, EvaluateOptions } from './placeholders/compile-template.js';
export type { PipelineElement } from './placeholders/pipeline-element.js';
export {
  resolveAllOrError,
  resolveFirstOrDrop,
  resolveFirstOrError,
  resolveFirstOrSkip,
  resolveKeepLiteral,
} from './placeholders/positions.js';
export type { TemplateInput } from './placeholders/positions.js';
export { allConditionsHold, applyAckFilter, evaluateCondition } from './placeholders/conditions.js';
export type { AckFilterOutcome } from './placeholders/conditions.js';
export { validateTemplate } from './placeholders/validate-template.js';
export { PLACEHOLDER_PREFIXES } from './placeholders/namespaces/namespace-registry.js';
export { MAX_PIPELINE_FUNCTIONS } from './placeholders/placeholder-errors.js';

// enforcement
export { checkEnforcement, enforcementFailedError, evaluateEnforcement } from './enforcement/check-enforcement.js';
export type { EnforcementConfig, EnforcementEntity, EnforcementInputSource, EnforcementMessage } from './enforcement/check-enforcement.js';

// header-mapping
export { applyHeaderMapping, compileHeaderMapping, mergeMappedHeaders } from './header-mapping/apply-header-mapping.js';
export type { CompiledHeaderMapping } from './header-mapping/apply-header-mapping.js';
export { resolveAuthorizationSubjects } from './header-mapping/resolve-authorization-subjects.js';

// rql
export type {
  RqlComparisonNode,
  RqlComparisonOperator,
  RqlInNode,
  RqlLogicalNode,
  RqlNode,
  RqlNotNode,
  RqlPropertyNode,
  RqlTimeValue,
  RqlValue,
} from './rql/rql-ast.js';
export { parseRql, MAX_RQL_DEPTH } from './rql/rql-parser.js';
export { compileRql, FALSE, TRUE, UNKNOWN } from './rql/rql-compile.js';
export type { CompiledRql, RqlEvaluationInput, Truth } from './rql/rql-compile.js';
export type { RqlPlaceholderLookup } from './rql/rql-property.js';
export { evaluateRql, compileFilter } from './rql/evaluate-rql.js';
export type { EvaluateRqlOptions } from './rql/evaluate-rql.js';
export { isKnownRqlProperty, validateRqlProperties } from './rql/rql-validate.js';
export { resolveTimeValue, formatInstant } from './rql/time-value.js';

// topics
export type { TopicKind } from './topics/topic-kind.js';
export { topicKindOf, topicOfKind } from './topics/topic-kind.js';
export type { TopicKindInfo } from './topics/topic-kind.js';
export { parseTargetTopic, parseTargetTopicEntry } from './topics/parse-target-topic.js';
export type { ParsedTargetTopic, TargetTopicEntry } from './topics/parse-target-topic.js';
export { serializeTargetTopic, parseTargetTopics } from './topics/serialize-target-topic.js';
export { parseExtraFields, containsPlaceholder } from './topics/extra-fields.js';
export { preMatchTargetTopics, postMatchTargetTopics } from './topics/match-target-topics.js';
export type { ExtraFieldsResolver, OutboundSignalView, TopicPreMatch } from './topics/match-target-topics.js';
export { urlDecode } from './topics/url-decode.js';
export { mergeJson } from './topics/merge-json.js';

// protocol
export type { DittoProtocolMessage, HeaderValue, ProtocolHeaders } from './protocol/envelope.js';
export { parseDittoProtocolMessage, serializeDittoProtocolMessage, toDittoProtocolJson } from './protocol/envelope.js';
export type {
  CommandAction,
  EventAction,
  SearchAction,
  StreamingAction,
  TopicChannel,
  TopicCriterion,
  TopicGroup,
  TopicPath,
} from './protocol/topic-path.js';
export { parseTopicPath, topicPathToString, TOPIC_WILDCARD } from './protocol/topic-path.js';
export type { ThingResource, ThingResourceKind } from './protocol/thing-resource.js';
export { parseThingResource, protocolPathSegments } from './protocol/thing-resource.js';
export type { MessageDirection, MessagePath } from './protocol/message-path.js';
export { CLAIM_SUBJECT, messagePathToString, parseMessagePath } from './protocol/message-path.js';
export type * from './protocol/signal.js';
export { classifySignal } from './protocol/classify-signal.js';
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
} from './protocol/headers.js';
export type { EventMetadata, TwinCommandDecision, TwinCommandOutcome, TwinState } from './protocol/command-rules.js';
export { decideTwinCommand, twinCommandOutcome } from './protocol/command-rules.js';
export {
  policyIdInvalid,
  resourceNotAccessible,
  thingConflict,
  thingIdInvalid,
  thingNotAccessible,
} from './protocol/thing-errors.js';
export {
  illegalAdaptable,
  invalidPath,
  jsonFieldMissing,
  jsonInvalid,
  unknownChannel,
  unknownPath,
  unknownTopicPath,
  unsupportedTopicAndPath,
} from './protocol/protocol-errors.js';
export { DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, parseTimeoutHeader } from './protocol/timeout.js';
export type { AckCategory } from './protocol/requested-acks.js';
export {
  ackCategoryOf,
  checkAckHeaders,
  effectiveRequestedAcks,
  isResponseRequired,
  LIVE_RESPONSE,
  SEARCH_PERSISTED,
  TWIN_PERSISTED,
} from './protocol/requested-acks.js';
export type { AckEntity, AckOutcome, AcknowledgementEntry } from './protocol/acknowledgements.js';
export {
  acknowledgementMessage,
  ackOutcomeOf,
  aggregatedAcknowledgementsMessage,
  combinedAckStatus,
  isFailedAck,
  WEAK_ACK_PAYLOAD,
  weakAcknowledgementMessage,
} from './protocol/acknowledgements.js';
export { errorResponseMessage, errorTopicFor, UNKNOWN_ENTITY_ERROR_TOPIC } from './protocol/error-response.js';
export { acknowledgementFromOutcome, liveResponseFromOutcome, outcomeHeaders, outcomePayload } from './protocol/outcome-responses.js';
export type { LiveResponseOutcome } from './protocol/outcome-responses.js';
export type { ConnectionAnnouncementName } from './protocol/announcements.js';
export { connectionAnnouncement } from './protocol/announcements.js';
export { placeholderContextOf, reconstructThingFromEvent } from './protocol/signal-views.js';

// Supervision and client context
export { BackoffPolicy } from './supervision/backoff-policy.js';
export type { BackoffOptions } from './supervision/backoff-policy.js';
export { ClientSupervisor } from './supervision/client-supervisor.js';
export type { ClientSupervisorListener, ClientSupervisorOptions } from './supervision/client-supervisor.js';
export type { ClientState, ClientSupervisorStatus, RecoveryStatus, ResourceState, SourceState, TargetState } from './supervision/client-status.js';
export { isBindingError, statusOfFailure, toBindingError } from './supervision/failure-classification.js';
export { SYSTEM_CLOCK } from './supervision/supervisor-clock.js';
export type { SupervisorClock } from './supervision/supervisor-clock.js';
export { buildTlsOptions } from './client-context/tls-options.js';
export { createHostValidator } from './client-context/host-validator.js';

// Payload mapping
export type {
  ConfiguredMapper,
  MapperConfigurationContext,
  MapperDirection,
  MapperOptions,
  MappingContext,
  MaybePromise,
  PayloadMapper,
} from './mapping/payload-mapper.js';
export { MapperRegistry } from './mapping/mapper-registry.js';
export type { MapperLoadResult, MapperRequest } from './mapping/mapper-registry.js';
export { BUILT_IN_MAPPERS, createMapperRegistry } from './mapping/built-in-mappers.js';
export { ConnectionMappers, loadMapperById } from './mapping/connection-mappers.js';
export type { ConnectionMappersOptions, MappingConfiguration } from './mapping/connection-mappers.js';
export { INBOUND_PAYLOAD_MAPPER_HEADER, mapInboundMessage } from './mapping/map-inbound.js';
export type { ChainInput } from './mapping/map-inbound.js';
export { mapOutboundMessage } from './mapping/map-outbound.js';
export type { OutboundChainInput } from './mapping/map-outbound.js';
export { compileCondition, DEFAULT_MAPPING_LIMITS } from './mapping/mapping-chain.js';
export type { ChainedMapper, CompiledCondition, MappingChain, MappingLimits } from './mapping/mapping-chain.js';
export type { DropReason, DroppedOutcome, FailedOutcome, InboundMappingOutcome, MappedSignal, OutboundMappingOutcome } from './mapping/mapping-outcome.js';
export { DEFAULT_CONTENT_TYPE_BLOCKLIST, parseProtocolPayload, protocolExternalMessage } from './mapping/ditto-mapper.js';
export { DITTO_PROTOCOL_CONTENT_TYPE, payloadKindOf, payloadText } from './mapping/content-types.js';
export type { PayloadKind } from './mapping/content-types.js';
export { mapperConfigInvalid, mapperOptionMissing, mappingFailed } from './mapping/mapping-errors.js';
