import type { ConnectionTypeSpec } from '../binding-api/connection-type-spec.js';
import type { ConnectionUri } from '../model/connection-uri.js';
import type { Connection } from '../model/connection.js';
import type { HostBlocker } from './host-blocking.js';

/** Limits of the service (connection-model §11), all configurable. @public */
export interface ValidationLimits {
  readonly maxSources: number;
  readonly maxTargets: number;
  readonly maxPayloadMappers: number;
}

/** Default limits: 4 sources, 4 targets, 10 payload mappers per source/target. @public */
export const DEFAULT_VALIDATION_LIMITS: ValidationLimits = { maxSources: 4, maxTargets: 4, maxPayloadMappers: 10 };

/** What every validation rule sees. */
export interface ValidationContext {
  readonly connection: Connection;
  readonly uri: ConnectionUri;
  readonly spec: ConnectionTypeSpec | undefined;
  readonly limits: ValidationLimits;
  readonly hosts: HostBlocker;
  /** Mapper engines that exist besides the built-in ones. */
  readonly mapperEngines: ReadonlySet<string>;
  /** Require an `https` OAuth token endpoint (service setting `enforce-https`). */
  readonly enforceHttps: boolean;
}
