import type { ClientContext } from './client-context.js';
import type { ProtocolClient } from './protocol-client.js';

/** The runtime side of one connection type, resolved from the container. @public */
export interface BindingPlugin {
  readonly connectionType: string;
  /** One client per (connection, clientIndex). Must not open sockets before `connect()`. */
  createClient(context: ClientContext): ProtocolClient;
}
