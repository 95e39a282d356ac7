import type { JsonObject } from '../json/json-value.js';

/**
 * What placeholders may see while a template is resolved. A key that is present switches its
 * namespace on; `null` means the namespace is known here but has no value (expressions using it are
 * unresolved); an absent key means the namespace is unknown in this position (using it is an error).
 * @public
 */
export interface PlaceholderContext {
  /** `header:<name>` */
  readonly headers?: Readonly<Record<string, string>> | null;
  /** `thing:id|namespace|name` */
  readonly thingId?: string | null;
  /** `entity:id|namespace|name` */
  readonly entityId?: string | null;
  /** `policy:id|namespace|name` (enforcement filters only) */
  readonly policyId?: string | null;
  /** `feature:id` (several values for thing-level signals) */
  readonly featureId?: string | readonly string[] | null;
  /** `topic:full|namespace|entityName|group|channel|criterion|action|subject|action-subject`, from a topic path */
  readonly topic?: string | null;
  /** `resource:type|path` */
  readonly resource?: { readonly type: string; readonly path: string } | null;
  /** `connection:id` */
  readonly connectionId?: string | null;
  /** `source:address` (MQTT enforcement input) */
  readonly sourceAddress?: string | null;
  /** `request:subjectId` (all subjects; single-valued positions use the first) */
  readonly request?: { readonly subjectIds: readonly string[] } | null;
  /** `thing-json:<pointer>` */
  readonly thingJson?: JsonObject | null;
  /** `jwt:<pointer>` (not used by connectivity positions) */
  readonly jwt?: JsonObject | null;
  /** `time:now…`; a Date or epoch milliseconds fixes "now", `true` uses the clock */
  readonly time?: Date | number | true | null;
}
