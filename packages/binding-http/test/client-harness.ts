import { buildTlsOptions, createHostValidator, parseConnectionUri, validateConnection } from '@twinlink/core';
import type { BindingLogger, ClientContext, ClientEvent, HostBlockingConfig, ProtocolClient } from '@twinlink/core';
import binding from '../src/index.js';
import { HttpPushClient } from '../src/http-push-client.js';
import { DEFAULT_HTTP_PUSH_OPTIONS } from '../src/http-push-options.js';
import type { HttpPushOptions } from '../src/http-push-options.js';

/** Log lines and events a client produced. */
export interface Recorded {
  readonly logs: { level: string; message: string; fields?: Record<string, unknown> }[];
  readonly events: ClientEvent[];
}

/** Validates the connection JSON like the service does and creates a client with core's context parts. */
export function createTestClient(
  json: Record<string, unknown>,
  options: Partial<HttpPushOptions> = {},
  hostBlocking: HostBlockingConfig = {},
): { client: ProtocolClient; recorded: Recorded } {
  const result = validateConnection(json, { bindings: [binding] });
  if (!result.valid) throw new Error(`invalid test connection: ${result.error.message}`);
  const connection = result.connection;
  const uri = parseConnectionUri(connection.uri);
  const recorded: Recorded = { logs: [], events: [] };
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => void recorded.logs.push({ level, message, ...(fields ? { fields } : {}) });
  const logger: BindingLogger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  const context: ClientContext = {
    connection,
    uri,
    clientIndex: 0,
    instanceId: 'test',
    tls: buildTlsOptions(connection, uri, binding.connectionTypes[0]?.secureUriSchemes ?? []),
    hosts: createHostValidator(hostBlocking),
    logger,
    emit: (event) => void recorded.events.push(event),
  };
  return { client: new HttpPushClient(context, { ...DEFAULT_HTTP_PUSH_OPTIONS, ...options }), recorded };
}
