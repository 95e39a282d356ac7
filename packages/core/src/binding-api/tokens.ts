import type { ServiceIdentifier } from 'inversify';
import type { BindingPlugin } from './binding-plugin.js';

/**
 * Multi-bound by every binding's ContainerModule, once per connection type. Global symbols, so a
 * second copy of core in node_modules still matches.
 * @public
 */
export const BINDING_PLUGIN: ServiceIdentifier<BindingPlugin> = Symbol.for('@twinlink/core/BindingPlugin');

/** Brand stamped on binding definitions by {@link defineBinding}. @public */
export const BINDING_DEFINITION_BRAND: unique symbol = Symbol.for('@twinlink/core/BindingDefinition') as never;
