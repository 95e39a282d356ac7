import { entityNamespace, policyNamespace, thingNamespace } from './entity-id-namespaces.js';
import { headerNamespace } from './header-namespace.js';
import { jwtNamespace, thingJsonNamespace } from './json-namespaces.js';
import type { PlaceholderNamespace } from './placeholder-namespace.js';
import {
  connectionNamespace,
  featureNamespace,
  requestNamespace,
  resourceNamespace,
  sourceNamespace,
} from './simple-namespaces.js';
import { timeNamespace } from './time-namespace.js';
import { topicNamespace } from './topic-namespace.js';

const ALL: readonly PlaceholderNamespace[] = [
  headerNamespace,
  thingNamespace,
  policyNamespace,
  entityNamespace,
  featureNamespace,
  topicNamespace,
  resourceNamespace,
  connectionNamespace,
  sourceNamespace,
  requestNamespace,
  thingJsonNamespace,
  jwtNamespace,
  timeNamespace,
];

const BY_PREFIX = new Map(ALL.map((namespace) => [namespace.prefix, namespace]));

/** The namespace for a placeholder prefix, if there is one. */
export function namespaceFor(prefix: string): PlaceholderNamespace | undefined {
  return BY_PREFIX.get(prefix);
}

/** Every placeholder prefix this package knows. */
export const PLACEHOLDER_PREFIXES: readonly string[] = ALL.map((namespace) => namespace.prefix);
