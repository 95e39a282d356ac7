import type { BindingDefinition } from '@twinlink/core';
import httpBinding from '@twinlink/binding-http';
import mqttBinding from '@twinlink/binding-mqtt';

/**
 * Bindings shipped with the service, imported statically so that the nx graph and any bundler see
 * them; each can be switched off by package name with `bindings.disabled`. None is written yet:
 * the protocol packages (`@twinlink/binding-mqtt`, …) are added here as they arrive. A lean
 * deployment is an app that lists fewer of them.
 */
export const BUILTIN_BINDINGS: readonly BindingDefinition[] = [
  httpBinding,
  mqttBinding,
];
