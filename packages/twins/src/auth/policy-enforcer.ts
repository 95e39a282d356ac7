import { isJsonObject, ownValue, setOwn } from '@twinlink/core';
import type { JsonObject, JsonValue } from '@twinlink/core';
import type { Permission, ResourceType } from './permissions.js';
import { isPermission, PERMISSION_BITS } from './permissions.js';
import type { PolicyNode, WalkState } from './policy-trie.js';
import { initialState, permitted, permittedBelow, revokedBelow, step } from './policy-trie.js';

/** Where a walk down the trie ended: the state in force and the node of the exact path, if the policy has one. */
interface WalkResult {
  readonly state: WalkState;
  readonly node: PolicyNode | undefined;
}

/** Splits a resource key (`thing:/features/lamp`) into its type and path segments; `undefined` when malformed. */
export function parseResourceKey(key: string): { type: string; segments: string[] } | undefined {
  const colon = key.indexOf(':');
  if (colon <= 0) return undefined;
  return { type: key.slice(0, colon), segments: key.slice(colon + 1).split('/').filter((s) => s.length > 0) };
}

function addMask(map: Map<string, number> | undefined, subjects: readonly string[], mask: number): Map<string, number> | undefined {
  if (mask === 0) return map;
  const target = map ?? new Map<string, number>();
  for (const subject of subjects) target.set(subject, (target.get(subject) ?? 0) | mask);
  return target;
}

function maskOf(list: JsonValue | undefined): number {
  if (!Array.isArray(list)) return 0;
  let mask = 0;
  for (const item of list) if (isPermission(item)) mask |= PERMISSION_BITS[item];
  return mask;
}

/**
 * A policy compiled for Ditto's permission semantics (`TrieBasedPolicyEnforcer`): a grant or revoke
 * applies to its path and everything below; a deeper entry of a subject overrides a shallower one;
 * on one path revoke beats grant; across the subjects of a request a revoke at least as specific as
 * the most specific grant denies. Compiled once per policy revision; immutable.
 */
export class PolicyEnforcer {
  private readonly roots = new Map<string, PolicyNode>();
  /** Every subject id named in the policy, in first-seen order. */
  readonly subjectIds: readonly string[];

  /** Compiles the `entries` of a (validated) policy JSON. */
  constructor(policy: JsonObject) {
    const subjectIds = new Set<string>();
    const entries = ownValue(policy, 'entries');
    if (isJsonObject(entries)) {
      for (const label of Object.keys(entries)) {
        const entry = entries[label];
        if (!isJsonObject(entry)) continue;
        const subjectsJson = ownValue(entry, 'subjects');
        const subjects = isJsonObject(subjectsJson) ? Object.keys(subjectsJson) : [];
        for (const subject of subjects) subjectIds.add(subject);
        const resources = ownValue(entry, 'resources');
        if (isJsonObject(resources)) this.addResources(resources, subjects);
      }
    }
    this.subjectIds = [...subjectIds];
  }

  private addResources(resources: JsonObject, subjects: readonly string[]): void {
    for (const key of Object.keys(resources)) {
      const parsed = parseResourceKey(key);
      const effect = resources[key];
      if (parsed === undefined || !isJsonObject(effect)) continue;
      let node = this.roots.get(parsed.type);
      if (node === undefined) this.roots.set(parsed.type, (node = {}));
      for (const segment of parsed.segments) {
        node.children ??= new Map();
        let child = node.children.get(segment);
        if (child === undefined) node.children.set(segment, (child = {}));
        node = child;
      }
      node.grants = addMask(node.grants, subjects, maskOf(ownValue(effect, 'grant')));
      node.revokes = addMask(node.revokes, subjects, maskOf(ownValue(effect, 'revoke')));
    }
  }

  private walk(type: ResourceType, segments: readonly string[], subjects: readonly string[], bit: number): WalkResult {
    const root = this.roots.get(type);
    let state = initialState(subjects.length);
    if (root === undefined) return { state, node: undefined };
    let node: PolicyNode = root;
    state = step(state, node, 0, subjects, bit);
    for (let i = 0; i < segments.length; i++) {
      const child: PolicyNode | undefined = node.children?.get(segments[i] as string);
      // Deeper than the policy names: the least ancestor decides (Ditto's seekToLeastAncestor).
      if (child === undefined) return { state, node: undefined };
      node = child;
      state = step(state, node, i + 1, subjects, bit);
    }
    return { state, node };
  }

  /** The permission on this path and everything below it, for at least one of the subjects (no revoke anywhere beneath). */
  hasUnrestricted(type: ResourceType, segments: readonly string[], subjects: readonly string[], permission: Permission): boolean {
    const bit = PERMISSION_BITS[permission];
    const { state, node } = this.walk(type, segments, subjects, bit);
    return permitted(state) && (node === undefined || !revokedBelow(node, subjects, bit));
  }

  /** The permission on this path or somewhere below it (enough to see part of the resource). */
  hasPartial(type: ResourceType, segments: readonly string[], subjects: readonly string[], permission: Permission): boolean {
    const bit = PERMISSION_BITS[permission];
    const { state, node } = this.walk(type, segments, subjects, bit);
    return permitted(state) || (node !== undefined && permittedBelow(node, state, segments.length, subjects, bit));
  }

  /** Whether the subject is under a revoke of the permission on this exact path. */
  isRevoked(type: ResourceType, segments: readonly string[], subject: string, permission: Permission): boolean {
    const { state } = this.walk(type, segments, [subject], PERMISSION_BITS[permission]);
    return (state.revoked[0] ?? -1) >= 0;
  }

  /**
   * The part of `value` (the resource at `segments`) the subjects hold the permission on, or
   * `undefined` when nothing is. Unrestricted branches are returned by reference, not copied.
   */
  view(type: ResourceType, segments: readonly string[], value: JsonValue, subjects: readonly string[], permission: Permission): JsonValue | undefined {
    const bit = PERMISSION_BITS[permission];
    const { state, node } = this.walk(type, segments, subjects, bit);
    if (node === undefined) return permitted(state) ? value : undefined;
    return viewOf(value, node, state, segments.length, subjects, bit);
  }
}

function viewOf(value: JsonValue, node: PolicyNode, state: WalkState, depth: number, subjects: readonly string[], bit: number): JsonValue | undefined {
  const allowed = permitted(state);
  if (node.children === undefined || !isJsonObject(value)) return allowed ? value : undefined;
  let result: JsonObject | undefined;
  let unchanged = true;
  const keys = Object.keys(value);
  for (const key of keys) {
    const child = node.children.get(key);
    const member = value[key] as JsonValue;
    const kept = child === undefined ? (allowed ? member : undefined) : viewOf(member, child, step(state, child, depth + 1, subjects, bit), depth + 1, subjects, bit);
    if (kept !== member) unchanged = false;
    if (kept === undefined) continue;
    result ??= {};
    setOwn(result, key, kept);
  }
  if (unchanged && keys.length > 0) return value;
  if (result !== undefined) return result;
  return allowed ? {} : undefined;
}
