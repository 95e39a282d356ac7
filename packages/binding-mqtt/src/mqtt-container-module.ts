import { BINDING_PLUGIN } from '@twinlink/core';
import { ContainerModule } from 'inversify';
import { MqttBindingPlugin } from './mqtt-plugin.js';
import { MQTT5_SPEC, MQTT_SPEC } from './mqtt-spec.js';

/**
 * Binds one BINDING_PLUGIN per connection type. The plugins are stateless factories, so constant
 * values suffice; every client gets its dependencies through its ClientContext.
 * @public
 */
export const mqttContainerModule = new ContainerModule(({ bind }) => {
  bind(BINDING_PLUGIN).toConstantValue(new MqttBindingPlugin(MQTT_SPEC.type, 3));
  bind(BINDING_PLUGIN).toConstantValue(new MqttBindingPlugin(MQTT5_SPEC.type, 5));
});
