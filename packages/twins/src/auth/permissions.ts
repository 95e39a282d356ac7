/** A permission a policy grants or revokes. */
export type Permission = 'READ' | 'WRITE';

/** The resource types of a policy (`thing:/…`, `policy:/…`, `message:/…`). */
export type ResourceType = 'thing' | 'policy' | 'message';

/** The resource types in the order Ditto lists them. */
export const RESOURCE_TYPES: readonly ResourceType[] = ['thing', 'policy', 'message'];

/** Bit of a permission in the masks the enforcer stores per subject and node. */
export const PERMISSION_BITS: Readonly<Record<Permission, number>> = { READ: 1, WRITE: 2 };

/** Whether a text is one of the permissions this backend knows. */
export function isPermission(text: unknown): text is Permission {
  return text === 'READ' || text === 'WRITE';
}
