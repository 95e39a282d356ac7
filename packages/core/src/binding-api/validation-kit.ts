import type { DittoError } from '../errors/ditto-error.js';
import type { ConnectionUri } from '../model/connection-uri.js';
import type { Connection } from '../model/connection.js';

/**
 * Helpers core hands to a binding's type-specific validator, so that every binding words its
 * errors alike and checks placeholders the same way.
 * @public
 */
export interface ValidationKit {
  readonly connection: Connection;
  /** The parsed URI (already checked for format and scheme by core). */
  readonly uri: ConnectionUri;
  /** 400 `connectivity:connection.configuration.invalid` with this message. */
  invalid(message: string, description?: string): DittoError;
  /**
   * Checks a template for known placeholders of the given namespaces (`header`, `thing`, …) and
   * valid functions; the wrapped error names `where` (e.g. "the address of target 0").
   */
  checkPlaceholders(template: string, namespaces: readonly string[], where: string): DittoError | undefined;
  /** A HOCON duration (`60s`, `250ms`, `2 minutes`; a bare number is milliseconds) in milliseconds, or undefined when malformed. */
  parseConfigDuration(text: string): number | undefined;
}
