// Java's `.` (which the `like` wildcards become) does not match line terminators.
function isLineTerminator(codePoint: string): boolean {
  return codePoint === '\n' || codePoint === '\r' || codePoint === '\u0085' || codePoint === '\u2028' || codePoint === '\u2029';
}

function matchesAlternative(text: readonly string[], pattern: readonly string[]): boolean {
  // reachable[j]: pattern[0..j) can match the text read so far
  let reachable = new Array<boolean>(pattern.length + 1).fill(false);
  reachable[0] = true;
  for (let j = 1; j <= pattern.length && pattern[j - 1] === '*'; j++) reachable[j] = true;
  for (const char of text) {
    const next = new Array<boolean>(pattern.length + 1).fill(false);
    for (let j = 1; j <= pattern.length; j++) {
      const token = pattern[j - 1];
      if (token === '*') next[j] = next[j - 1] === true || (reachable[j] === true && !isLineTerminator(char));
      else if (token === '?') next[j] = reachable[j - 1] === true && !isLineTerminator(char);
      else next[j] = reachable[j - 1] === true && token === char;
    }
    reachable = next;
  }
  return reachable[pattern.length] === true;
}

const cache = new Map<string, (readonly string[])[]>();
const CACHE_LIMIT = 256;

/**
 * The `like` operator of `fn:filter`: `*` = zero or more characters, `?` = exactly one, `|` separates
 * whole alternative patterns; full match, case-sensitive, everything else literal.
 */
export function globMatches(value: string, pattern: string): boolean {
  let alternatives = cache.get(pattern);
  if (alternatives === undefined) {
    alternatives = pattern.split('|').map((alternative) => Array.from(alternative));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, alternatives);
  }
  const text = Array.from(value);
  return alternatives.some((alternative) => matchesAlternative(text, alternative));
}
