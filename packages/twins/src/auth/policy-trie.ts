/** One path element of a compiled policy: own grants/revokes per subject (permission bit masks) and children. */
export interface PolicyNode {
  children?: Map<string, PolicyNode>;
  grants?: Map<string, number>;
  revokes?: Map<string, number>;
}

/**
 * What the walk down a policy trie knows about the subjects of one request: per subject the depth
 * of the grant and of the revoke currently in force (-1 for none). A deeper entry of a subject
 * replaces its shallower one; on the same node revoke wins over grant (Ditto's transitive closure).
 */
export interface WalkState {
  readonly granted: readonly number[];
  readonly revoked: readonly number[];
}

/** The state before any node: nothing granted, nothing revoked. */
export function initialState(subjectCount: number): WalkState {
  const none = new Array<number>(subjectCount).fill(-1);
  return { granted: none, revoked: none };
}

/** The state after visiting `node` at `depth`; the same object when the node concerns none of the subjects. */
export function step(state: WalkState, node: PolicyNode, depth: number, subjects: readonly string[], bit: number): WalkState {
  if (node.grants === undefined && node.revokes === undefined) return state;
  let granted: number[] | undefined;
  let revoked: number[] | undefined;
  for (let i = 0; i < subjects.length; i++) {
    const subject = subjects[i] as string;
    const grant = (node.grants?.get(subject) ?? 0) & bit;
    const revoke = (node.revokes?.get(subject) ?? 0) & bit;
    if (grant === 0 && revoke === 0) continue;
    granted ??= [...state.granted];
    revoked ??= [...state.revoked];
    granted[i] = revoke !== 0 ? -1 : depth;
    revoked[i] = revoke !== 0 ? depth : -1;
  }
  return granted === undefined ? state : { granted, revoked: revoked as number[] };
}

/**
 * Ditto's decision on one node: some subject holds a grant, and no subject of the request holds a
 * revoke at least as specific as the most specific grant.
 */
export function permitted(state: WalkState): boolean {
  let grant = -1;
  let revoke = -1;
  for (const depth of state.granted) if (depth > grant) grant = depth;
  for (const depth of state.revoked) if (depth > revoke) revoke = depth;
  return grant >= 0 && revoke < grant;
}

/** Whether any node strictly below `node` revokes the permission for one of the subjects. */
export function revokedBelow(node: PolicyNode, subjects: readonly string[], bit: number): boolean {
  if (node.children === undefined) return false;
  for (const child of node.children.values()) {
    if (child.revokes !== undefined) {
      for (const subject of subjects) if (((child.revokes.get(subject) ?? 0) & bit) !== 0) return true;
    }
    if (revokedBelow(child, subjects, bit)) return true;
  }
  return false;
}

/** Whether the permission is in force on any node strictly below `node`, starting from its state. */
export function permittedBelow(node: PolicyNode, state: WalkState, depth: number, subjects: readonly string[], bit: number): boolean {
  if (node.children === undefined) return false;
  for (const child of node.children.values()) {
    const childState = step(state, child, depth + 1, subjects, bit);
    if (permitted(childState) || permittedBelow(child, childState, depth + 1, subjects, bit)) return true;
  }
  return false;
}
