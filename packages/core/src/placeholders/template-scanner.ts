import { isJavaRegexSpace } from './java-text.js';

/** One piece of a template: literal text or the raw content of a placeholder. */
export type TemplatePiece = { readonly literal: string } | { readonly expression: string };

/**
 * Splits a template into literal text and placeholder contents exactly like Ditto's placeholder
 * pattern `\{\{\s*+((}[^}]|[^}])*+)\s*+}}` / `\$\{([^}]*+)}`: the `{{` content runs up to the first `}`
 * that is followed by another `}` (a single `}` is part of the content), the legacy `${` content up to
 * the first `}`. Unmatched openings are literal text.
 *
 * Runs in linear time: once an opening fails to close, later openings before the same point fail too.
 */
export function scanTemplate(template: string): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  const length = template.length;
  let literalStart = 0;
  let braceFailsBefore = -1;
  let legacyFails = false;
  let i = 0;
  while (i < length - 1) {
    const char = template[i];
    const next = template[i + 1];
    let expression: string | undefined;
    let end = i;
    if (char === '{' && next === '{' && i >= braceFailsBefore) {
      let j = i + 2;
      while (isJavaRegexSpace(template[j])) j++;
      const contentStart = j;
      for (;;) {
        const c = template[j];
        if (c === undefined) break;
        if (c !== '}') j++;
        else if (j + 1 < length && template[j + 1] !== '}') j += 2;
        else break;
      }
      if (template[j] === '}' && template[j + 1] === '}') {
        expression = template.slice(contentStart, j);
        end = j + 2;
      } else {
        braceFailsBefore = j;
      }
    } else if (char === '$' && next === '{' && !legacyFails) {
      const close = template.indexOf('}', i + 2);
      if (close < 0) legacyFails = true;
      else {
        expression = template.slice(i + 2, close);
        end = close + 1;
      }
    }
    if (expression === undefined) {
      i++;
      continue;
    }
    if (i > literalStart) pieces.push({ literal: template.slice(literalStart, i) });
    pieces.push({ expression });
    literalStart = i = end;
  }
  if (literalStart < length) pieces.push({ literal: template.slice(literalStart) });
  return pieces;
}
