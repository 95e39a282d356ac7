import { BINDING_PLUGIN, defineBinding } from '@twinlink/core';
import { ContainerModule } from 'inversify';
import { LoopbackPlugin } from './loopback-plugin.js';
import { LOOPBACK_SPEC } from './loopback-spec.js';
import { VERSION_INFO } from './version.js';

export { LOOPBACK_SPEC, LOOPBACK_TYPE } from './loopback-spec.js';

/** Binds the one plugin of this package. */
const loopbackContainerModule = new ContainerModule(({ bind }) => {
  bind(BINDING_PLUGIN).toConstantValue(new LoopbackPlugin());
});

/** The binding definition the service discovers through this package's manifest. */
export default defineBinding({ ...VERSION_INFO, connectionTypes: [LOOPBACK_SPEC], containerModule: loopbackContainerModule });
