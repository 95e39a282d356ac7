import type { BindingPlugin, ClientContext, ProtocolClient } from '@twinlink/core';
import { MqttProtocolClient } from './mqtt-client.js';
import type { MqttVersion } from './mqtt-validator.js';

/** The runtime side of `mqtt` (version 3) or `mqtt-5` (version 5). @internal */
export class MqttBindingPlugin implements BindingPlugin {
  constructor(
    readonly connectionType: string,
    private readonly version: MqttVersion,
  ) {}

  createClient(context: ClientContext): ProtocolClient {
    return new MqttProtocolClient(context, this.version);
  }
}
