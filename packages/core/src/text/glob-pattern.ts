// Java's `.` (which Ditto turns the wildcards into) does not match line terminators.
function isLineTerminator(char: string): boolean {
  return char === '\n' || char === '\r' || char === '\u0085' || char === '\u2028' || char === '\u2029';
}

/** Whether `text` (code points) fully matches one glob alternative (code points). */
function matchesAlternative(text: readonly string[], pattern: readonly string[]): boolean {
  // reachable[j]: pattern[0..j) matches the text read so far. Linear in text × pattern, no backtracking.
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

/** Options of {@link compileGlob}. */
export interface GlobOptions {
  /** Compare case-insensitively (RQL `ilike`). */
  readonly caseInsensitive?: boolean;
  /** `|` separates whole alternative patterns (`fn:filter` `like`); otherwise `|` is literal. */
  readonly alternatives?: boolean;
}

/**
 * Compiles a glob as Ditto's `like` operators read it: `*` = zero or more characters, `?` = exactly
 * one, everything else literal, full match; neither wildcard matches a line break. Matching is linear
 * in text × pattern length, so hostile patterns cannot make it backtrack.
 */
export function compileGlob(pattern: string, options: GlobOptions = {}): (value: string) => boolean {
  const fold = options.caseInsensitive ? (text: string) => text.toLowerCase() : (text: string) => text;
  const parts = options.alternatives ? pattern.split('|') : [pattern];
  // Repeated `*` match the same as one; collapsing keeps the table small.
  const alternatives = parts.map((part) => Array.from(fold(part)).filter((char, i, chars) => !(char === '*' && chars[i - 1] === '*')));
  return (value) => {
    const text = Array.from(fold(value));
    return alternatives.some((alternative) => matchesAlternative(text, alternative));
  };
}
