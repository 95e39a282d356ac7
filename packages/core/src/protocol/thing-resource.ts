import { jsonPointerInvalid, unknownPath } from './protocol-errors.js';

/** The resource of a thing a command, response or event addresses (protocol.md §4). */
export type ThingResourceKind =
  | 'thing'
  | 'policyId'
  | 'definition'
  | 'attributes'
  | 'attribute'
  | 'features'
  | 'feature'
  | 'featureDefinition'
  | 'featureProperties'
  | 'featureProperty'
  | 'featureDesiredProperties'
  | 'featureDesiredProperty';

/** A parsed thing resource path. */
export interface ThingResource {
  readonly kind: ThingResourceKind;
  /** Normalised path: leading `/`, no trailing `/` (`/` for the thing). */
  readonly path: string;
  /** Path segments (empty for the thing). */
  readonly segments: readonly string[];
  /** Feature id for feature-level resources. */
  readonly featureId?: string;
  /** Attribute / property pointer inside its container (`/a/b`) for `attribute`, `featureProperty`, `featureDesiredProperty`. */
  readonly pointer?: string;
}

const THING: ThingResource = { kind: 'thing', path: '/', segments: [] };

/**
 * Splits a Ditto Protocol path into segments. A leading and a single trailing `/` are optional
 * (Ditto accepts `attributes/x` and `/attributes/`); empty inner segments are rejected.
 * @throws DittoError `json.pointer.invalid` (400)
 */
export function protocolPathSegments(path: string): string[] {
  if (path === '' || path === '/') return [];
  const start = path.startsWith('/') ? 1 : 0;
  const end = path.endsWith('/') ? path.length - 1 : path.length;
  const segments = path.slice(start, end).split('/');
  if (segments.some((segment) => segment.length === 0)) throw jsonPointerInvalid(path);
  return segments;
}

/**
 * Resolves a thing path (protocol.md §4) to the resource it addresses.
 * @throws DittoError `protocoladapter:unknown.path` or `json.pointer.invalid` (400)
 */
export function parseThingResource(path: string): ThingResource {
  const segments = protocolPathSegments(path);
  const kind = thingResourceKind(segments);
  if (kind === undefined) throw unknownPath(path);
  if (kind === 'thing') return THING;
  const normalised = '/' + segments.join('/');
  const resource: { -readonly [K in keyof ThingResource]: ThingResource[K] } = { kind, path: normalised, segments };
  if (segments[0] === 'features' && segments.length > 1) resource.featureId = segments[1];
  if (kind === 'attribute') resource.pointer = '/' + segments.slice(1).join('/');
  if (kind === 'featureProperty' || kind === 'featureDesiredProperty') resource.pointer = '/' + segments.slice(3).join('/');
  return resource;
}

function thingResourceKind(segments: readonly string[]): ThingResourceKind | undefined {
  const [first, , third] = segments;
  const length = segments.length;
  switch (first) {
    case undefined:
      return 'thing';
    case 'policyId':
      return length === 1 ? 'policyId' : undefined;
    case 'definition':
      return length === 1 ? 'definition' : undefined;
    case 'attributes':
      return length === 1 ? 'attributes' : 'attribute';
    case 'features':
      if (length === 1) return 'features';
      if (length === 2) return 'feature';
      switch (third) {
        case 'definition':
          return length === 3 ? 'featureDefinition' : undefined;
        case 'properties':
          return length === 3 ? 'featureProperties' : 'featureProperty';
        case 'desiredProperties':
          return length === 3 ? 'featureDesiredProperties' : 'featureDesiredProperty';
        default:
          return undefined;
      }
    default:
      return undefined;
  }
}
