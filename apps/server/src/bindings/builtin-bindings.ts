/**
 * The binding packages shipped with the service. They are found like any other binding — among the
 * app's dependencies, by the `twinlink` manifest in their package.json — and reported as built-in.
 * A lean deployment depends on fewer of them (see the root README); nothing else changes.
 */
export const BUILTIN_BINDING_PACKAGES: ReadonlySet<string> = new Set([
  '@twinlink/binding-mqtt',
  '@twinlink/binding-http',
  '@twinlink/binding-amqp091',
  '@twinlink/binding-amqp10',
  '@twinlink/binding-kafka',
]);
