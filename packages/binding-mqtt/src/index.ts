/**
 * MQTT 3.1.1 (`mqtt`) and MQTT 5 (`mqtt-5`) connections for twinlink.
 * @packageDocumentation
 */
import { defineBinding } from '@twinlink/core';
import { mqttContainerModule } from './mqtt-container-module.js';
import { MQTT5_SPEC, MQTT_SPEC } from './mqtt-spec.js';
import { BUILT_WITH_API_VERSION, PACKAGE_NAME, PACKAGE_VERSION } from './version.js';

export { MQTT_SPEC, MQTT5_SPEC } from './mqtt-spec.js';
export { mqttContainerModule } from './mqtt-container-module.js';

/** The binding definition the service loads: both connection types and their container module. @public */
export default defineBinding({
  packageName: PACKAGE_NAME,
  packageVersion: PACKAGE_VERSION,
  apiVersion: BUILT_WITH_API_VERSION,
  connectionTypes: [MQTT_SPEC, MQTT5_SPEC],
  containerModule: mqttContainerModule,
});
