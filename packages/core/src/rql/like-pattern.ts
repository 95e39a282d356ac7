const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/**
 * Compiles a `like`/`ilike` glob into an anchored regular expression: `*` = any sequence (repeated
 * `*` collapse), `?` = one character, everything else literal. Neither wildcard matches line breaks.
 */
export function compileLikePattern(pattern: string, caseInsensitive: boolean): RegExp {
  let source = '';
  let previousStar = false;
  for (const ch of pattern) {
    if (ch === '*') {
      if (!previousStar) source += '.*';
      previousStar = true;
      continue;
    }
    previousStar = false;
    source += ch === '?' ? '.' : ch.replace(REGEX_SYNTAX, '\\$&');
  }
  return new RegExp(`^(?:${source})$`, caseInsensitive ? 'iu' : 'u');
}
