/**
 * The http-push binding of twinlink: publishes to HTTP(S) servers through an undici pool.
 * @packageDocumentation
 */
import { BINDING_PLUGIN, defineBinding } from '@twinlink/core';
import { ContainerModule } from 'inversify';
import { HttpPushPlugin } from './http-push-plugin.js';
import { DEFAULT_HTTP_PUSH_OPTIONS, HTTP_PUSH_OPTIONS } from './http-push-options.js';
import { HTTP_PUSH_SPEC } from './http-push-spec.js';
import { BUILT_WITH_API_VERSION, PACKAGE_NAME, PACKAGE_VERSION } from './version.js';

export { HTTP_PUSH_SPEC, HTTP_PUSH_TYPE } from './http-push-spec.js';
export { DEFAULT_HTTP_PUSH_OPTIONS, HTTP_PUSH_OPTIONS } from './http-push-options.js';
export type { HttpPushOptions } from './http-push-options.js';

/** Binds the service settings (defaults, unless already bound) and the http-push plugin. */
const httpContainerModule = new ContainerModule(({ bind, isBound }) => {
  if (!isBound(HTTP_PUSH_OPTIONS)) bind(HTTP_PUSH_OPTIONS).toConstantValue(DEFAULT_HTTP_PUSH_OPTIONS);
  bind(BINDING_PLUGIN).to(HttpPushPlugin).inSingletonScope();
});

/** The binding definition the service discovers through this package's manifest. */
export default defineBinding({
  packageName: PACKAGE_NAME,
  packageVersion: PACKAGE_VERSION,
  apiVersion: BUILT_WITH_API_VERSION,
  connectionTypes: [HTTP_PUSH_SPEC],
  containerModule: httpContainerModule,
});
