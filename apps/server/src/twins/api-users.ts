import { createHash, timingSafeEqual } from 'node:crypto';

/** A user of the twin API (HTTP Basic). */
export interface ApiUser {
  readonly username: string;
  readonly password: string;
}

/** Ditto's sandbox user, used when `TWINLINK_API_USERS` is not set. */
export const DEFAULT_API_USERS: readonly ApiUser[] = [{ username: 'ditto', password: 'ditto' }];

/** Parses `TWINLINK_API_USERS` (`user:password,user2:password2`); undefined or empty gives the default. */
export function parseApiUsers(text: string | undefined): readonly ApiUser[] {
  if (text === undefined || text.trim() === '') return DEFAULT_API_USERS;
  return text.split(',').flatMap((entry) => {
    const colon = entry.indexOf(':');
    return colon <= 0 ? [] : [{ username: entry.slice(0, colon).trim(), password: entry.slice(colon + 1) }];
  });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * The authorization subject of a request's HTTP Basic credentials: `nginx:<username>`, as Ditto's
 * nginx-based basic auth yields; undefined when the credentials are missing or wrong.
 */
export function subjectOf(authorization: string | undefined, users: readonly ApiUser[]): string | undefined {
  const match = authorization === undefined ? null : /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  // Every user is compared, so the time taken does not reveal which one matched.
  let found: string | undefined;
  for (const user of users) {
    const ok = timingSafeEqual(digest(user.username), digest(username)) && timingSafeEqual(digest(user.password), digest(password));
    if (ok) found = user.username;
  }
  return found === undefined ? undefined : `nginx:${found}`;
}
