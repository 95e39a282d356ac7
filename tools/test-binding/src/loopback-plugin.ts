import type { BindingPlugin, ClientContext, ProtocolClient } from '@twinlink/core';
import { LoopbackClient } from './loopback-client.js';
import { LOOPBACK_TYPE } from './loopback-spec.js';

/** Creates loopback clients. */
export class LoopbackPlugin implements BindingPlugin {
  readonly connectionType = LOOPBACK_TYPE;

  createClient(context: ClientContext): ProtocolClient {
    return new LoopbackClient(context);
  }
}
