import type { JsonObject } from '../json/json-value.js';
import type { Connection, Source, Target } from './connection.js';

// Output normalisation (connection-model §13): defaults and implicit reply targets are written out;
// optional parts appear only when set. Field order follows Ditto's responses.

function sourceToJson(source: Source): JsonObject {
  return {
    addresses: [...source.addresses],
    consumerCount: source.consumerCount,
    ...(source.qos !== undefined ? { qos: source.qos } : {}),
    authorizationContext: [...source.authorizationContext],
    ...(source.enforcement ? { enforcement: { input: source.enforcement.input, filters: [...source.enforcement.filters] } } : {}),
    ...(source.acknowledgementRequests
      ? {
          acknowledgementRequests: {
            includes: [...source.acknowledgementRequests.includes],
            ...(source.acknowledgementRequests.filter !== undefined ? { filter: source.acknowledgementRequests.filter } : {}),
          },
        }
      : {}),
    headerMapping: { ...source.headerMapping },
    ...(source.payloadMapping.length > 0 ? { payloadMapping: [...source.payloadMapping] } : {}),
    ...(source.replyTarget
      ? {
          replyTarget: {
            enabled: true,
            address: source.replyTarget.address,
            headerMapping: { ...source.replyTarget.headerMapping },
            expectedResponseTypes: [...source.replyTarget.expectedResponseTypes],
          },
        }
      : source.replyTargetEnabled ? {} : { replyTarget: { enabled: false } }),
    ...(source.declaredAcks.length > 0 ? { declaredAcks: [...source.declaredAcks] } : {}),
  };
}

function targetToJson(target: Target): JsonObject {
  return {
    address: target.address,
    topics: [...target.topics],
    ...(target.qos !== undefined ? { qos: target.qos } : {}),
    authorizationContext: [...target.authorizationContext],
    ...(target.issuedAcknowledgementLabel !== undefined ? { issuedAcknowledgementLabel: target.issuedAcknowledgementLabel } : {}),
    headerMapping: { ...target.headerMapping },
    ...(target.payloadMapping.length > 0 ? { payloadMapping: [...target.payloadMapping] } : {}),
  };
}

/**
 * The connection as JSON, as Ditto returns it. Secrets are included as stored: callers that
 * answer API requests mask them first.
 * @public
 */
export function connectionToJson(connection: Connection): JsonObject {
  const specificConfig: JsonObject = Object.keys(connection.specificConfig).length > 0 ? { specificConfig: { ...connection.specificConfig } } : {};
  const mappingDefinitions: JsonObject = Object.keys(connection.mappingDefinitions).length > 0
    ? { mappingDefinitions: JSON.parse(JSON.stringify(connection.mappingDefinitions)) as JsonObject }
    : {};
  return {
    id: connection.id,
    ...(connection.name !== undefined ? { name: connection.name } : {}),
    connectionType: connection.connectionType,
    connectionStatus: connection.connectionStatus,
    uri: connection.uri,
    sources: connection.sources.map(sourceToJson),
    targets: connection.targets.map(targetToJson),
    clientCount: connection.clientCount,
    failoverEnabled: connection.failoverEnabled,
    validateCertificates: connection.validateCertificates,
    processorPoolSize: connection.processorPoolSize,
    ...specificConfig,
    ...mappingDefinitions,
    tags: [...connection.tags],
    ...(connection.ca !== undefined ? { ca: connection.ca } : {}),
    ...(connection.credentials ? { credentials: JSON.parse(JSON.stringify(connection.credentials)) as JsonObject } : {}),
    ...(connection.sshTunnel ? { sshTunnel: JSON.parse(JSON.stringify(connection.sshTunnel)) as JsonObject } : {}),
  };
}
