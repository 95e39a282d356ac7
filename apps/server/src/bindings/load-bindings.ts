import { BINDING_PLUGIN, BindingRegistry } from '@twinlink/core';
import type { BindingDefinition, BindingPlugin, SkippedBinding } from '@twinlink/core';
import { Container } from 'inversify';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.js';
import type { LoadedBinding } from '../runtime.js';
import { BUILTIN_BINDING_PACKAGES } from './builtin-bindings.js';
import { discoverBindings } from './discover-bindings.js';

/** The bindings the runtime works with. */
export interface LoadedBindings {
  /** Accepted bindings, for validation. */
  readonly registry: BindingRegistry;
  /** The runtime plugin per connection type, resolved from the bindings' container modules. */
  readonly plugins: ReadonlyMap<string, BindingPlugin>;
  readonly loaded: readonly LoadedBinding[];
  readonly skipped: readonly SkippedBinding[];
}

/** Inputs of {@link loadBindings}. */
export interface LoadBindingsOptions {
  readonly config: ServiceConfig['bindings'];
  readonly appDir: string;
  readonly logger: Logger;
  /** Definitions handed in directly (embedding, tests), besides those discovered. */
  readonly builtins?: readonly BindingDefinition[];
  readonly importModule?: (specifier: string) => Promise<unknown>;
}

/**
 * Bindings handed in and bindings discovered among the app's dependencies (minus `disabled`; the
 * shipped ones are reported as built-in), checked by core's registry (brand, API
 * version, duplicate types), their container modules loaded into one inversify container, and the
 * BINDING_PLUGIN plugins resolved by connection type. Every skip is logged with its code; with
 * `strict`, any skip fails the start instead.
 */
export async function loadBindings(options: LoadBindingsOptions): Promise<LoadedBindings> {
  const builtins = (options.builtins ?? []).filter((binding) => !options.config.disabled.includes(binding.packageName));
  const discovered = await discoverBindings({ appDir: options.appDir, packages: options.config.packages, disabled: options.config.disabled, ...(options.importModule ? { importModule: options.importModule } : {}) });
  const checked = new BindingRegistry([...builtins, ...discovered.definitions]);
  const container = new Container();
  const usable: BindingDefinition[] = [];
  const skipped: SkippedBinding[] = [...discovered.skipped, ...checked.skipped];
  for (const binding of checked.accepted) {
    try {
      container.load(binding.containerModule);
      usable.push(binding);
    } catch (error) {
      skipped.push({ packageName: binding.packageName, packageVersion: binding.packageVersion, code: 'TWINLINK_ERR_BINDING_LOAD', reason: `Its container module failed to load: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const registry = new BindingRegistry(usable);
  const plugins = new Map<string, BindingPlugin>();
  if (container.isBound(BINDING_PLUGIN)) {
    for (const plugin of container.getAll(BINDING_PLUGIN)) if (registry.get(plugin.connectionType) && !plugins.has(plugin.connectionType)) plugins.set(plugin.connectionType, plugin);
  }
  const builtinNames = new Set([...BUILTIN_BINDING_PACKAGES, ...builtins.map((binding) => binding.packageName)]);
  const loaded: LoadedBinding[] = usable.map((binding) => ({
    packageName: binding.packageName,
    packageVersion: binding.packageVersion,
    apiVersion: binding.apiVersion,
    connectionTypes: binding.connectionTypes.map((spec) => spec.type),
    source: builtinNames.has(binding.packageName) ? 'builtin' : 'discovered',
  }));
  for (const binding of loaded) options.logger.info({ binding }, `Loaded binding ${binding.packageName}@${binding.packageVersion}.`);
  for (const skip of skipped) options.logger.warn({ binding: skip }, `Skipped binding ${skip.packageName}: ${skip.code} ${skip.reason}`);
  if (options.config.strict && skipped.length > 0) {
    throw new Error(`Bindings were skipped and bindings.strict is set: ${skipped.map((skip) => `${skip.packageName} (${skip.code})`).join(', ')}.`);
  }
  return { registry, plugins, loaded, skipped };
}

