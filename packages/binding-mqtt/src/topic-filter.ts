/** The prefix of an MQTT 5 shared subscription: `$share/<group>/<filter>`. */
const SHARE_PREFIX = '$share/';

/**
 * Why a topic filter is invalid, or undefined when it is valid (MQTT 3.1.1 §4.7, MQTT 5 §4.8.2):
 * not empty, `+` and `#` only as whole levels, `#` only last; a `$share/<group>/` prefix needs a
 * group without wildcards and a valid filter after it.
 * @internal
 */
export function topicFilterProblem(filter: string): string | undefined {
  if (filter.length === 0) return 'a topic filter must not be empty';
  if (filter.includes('\u0000')) return 'a topic filter must not contain the null character';
  const shared = splitShared(filter);
  if (shared) {
    if (shared.group === '' || /[+#]/.test(shared.group)) return 'the share name must be non-empty and must not contain wildcards';
    if (shared.filter === '') return 'a shared subscription needs a topic filter after the share name';
    return topicFilterProblem(shared.filter);
  }
  const levels = filter.split('/');
  for (const [index, level] of levels.entries()) {
    if (level.includes('#') && (level !== '#' || index !== levels.length - 1)) return "the multi-level wildcard '#' must be a whole level and the last one";
    if (level.includes('+') && level !== '+') return "the single-level wildcard '+' must be a whole level";
  }
  return undefined;
}

/** Why a topic name (for publishing) is invalid, or undefined: not empty, no wildcards. @internal */
export function topicProblem(topic: string): string | undefined {
  if (topic.length === 0) return 'a topic must not be empty';
  if (topic.includes('\u0000')) return 'a topic must not contain the null character';
  if (/[+#]/.test(topic)) return "a topic must not contain the wildcards '+' or '#'";
  return undefined;
}

/** The filter without a `$share/<group>/` prefix: what the broker matches topics against. @internal */
export function matchingFilter(filter: string): string {
  return splitShared(filter)?.filter ?? filter;
}

/**
 * Whether `topic` matches the topic `filter` (a shared subscription matches by its inner filter).
 * Wildcards in the first level do not match topics starting with `$` (MQTT 3.1.1 §4.7.2).
 * @internal
 */
export function topicMatches(filter: string, topic: string): boolean {
  const filterLevels = matchingFilter(filter).split('/');
  const topicLevels = topic.split('/');
  if (topic.startsWith('$') && (filterLevels[0] === '+' || filterLevels[0] === '#')) return false;
  for (const [index, level] of filterLevels.entries()) {
    if (level === '#') return true;
    if (index >= topicLevels.length) return false;
    if (level !== '+' && level !== topicLevels[index]) return false;
  }
  return filterLevels.length === topicLevels.length;
}

function splitShared(filter: string): { group: string; filter: string } | undefined {
  if (!filter.startsWith(SHARE_PREFIX)) return undefined;
  const rest = filter.slice(SHARE_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return { group: rest, filter: '' };
  return { group: rest.slice(0, slash), filter: rest.slice(slash + 1) };
}
