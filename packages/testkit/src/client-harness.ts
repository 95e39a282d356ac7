import { BINDING_PLUGIN, buildTlsOptions, createHostValidator, parseConnectionUri, validateConnection } from '@twinlink/core';
import type { BindingDefinition, BindingLogger, BindingPlugin, ClientEvent, Connection, ProtocolClient } from '@twinlink/core';
import { randomUUID } from 'node:crypto';
import { Container } from 'inversify';

/** A client of a binding, created the way core creates it, with its reported events. @public */
export interface ClientHarness {
  readonly client: ProtocolClient;
  readonly connection: Connection;
  readonly events: ClientEvent[];
  /** Resolves with the next event of `type` (or an earlier one not yet taken), waiting up to `timeoutMs`. */
  nextEvent(type: ClientEvent['type'], timeoutMs: number): Promise<ClientEvent>;
}

const SILENT: BindingLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The plugin of `connectionType`, resolved from the binding's own ContainerModule in a fresh
 * container, so the module's wiring is part of what is tested.
 * @public
 */
export function resolvePlugin(binding: BindingDefinition, connectionType: string): BindingPlugin {
  const container = new Container();
  container.load(binding.containerModule);
  const plugin = container.getAll(BINDING_PLUGIN).find((candidate) => candidate.connectionType === connectionType);
  if (!plugin) throw new Error(`The container module of ${binding.packageName} binds no plugin for '${connectionType}'.`);
  return plugin;
}

/** Validates `connectionJson` with the binding and creates client `clientIndex` of it. @public */
export function createClientHarness(binding: BindingDefinition, connectionJson: unknown, clientIndex = 0): ClientHarness {
  const result = validateConnection(connectionJson, { bindings: [binding] });
  if (!result.valid) throw new Error(`The test connection is invalid: ${result.error.message} ${result.error.description ?? ''}`);
  const connection = result.connection;
  const spec = binding.connectionTypes.find((type) => type.type === connection.connectionType);
  if (!spec) throw new Error(`The binding has no connection type '${connection.connectionType}'.`);
  const uri = parseConnectionUri(connection.uri);
  const events: ClientEvent[] = [];
  let taken = 0;
  const waiters: (() => void)[] = [];
  const client = resolvePlugin(binding, connection.connectionType).createClient({
    connection,
    uri,
    clientIndex,
    instanceId: randomUUID(),
    tls: buildTlsOptions(connection, uri, spec.secureUriSchemes),
    hosts: createHostValidator(),
    logger: SILENT,
    emit: (event) => {
      events.push(event);
      for (const wake of waiters.splice(0)) wake();
    },
  });
  return {
    client,
    connection,
    events,
    async nextEvent(type, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = events.findIndex((event, i) => i >= taken && event.type === type);
        if (index >= 0) {
          taken = index + 1;
          return events[index]!;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No '${type}' event within ${timeoutMs} ms.`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
  };
}
