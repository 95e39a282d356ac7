/** A parsed function parameter: a quoted constant or a brace-less placeholder expression. */
export type FunctionParameter =
  | { readonly kind: 'constant'; readonly value: string }
  | { readonly kind: 'placeholder'; readonly expression: string };

const WS = '[ \\t\\n\\x0B\\f\\r]';
let atomicGroups = 0;

// Java's possessive quantifiers, emulated with an atomic lookahead plus back-reference.
function atomic(body: string): string {
  const name = `x${atomicGroups++}`;
  return `(?=(?<${name}>${body}))\\k<${name}>`;
}

function parameterPattern(index: number, allowPlaceholders: boolean): string {
  const single = `(${atomic(`${WS}*`)}'(?<s${index}>${atomic("(?:\\\\'|[^'])*")})'${atomic(`${WS}*`)})`;
  const double = `(${atomic(`${WS}*`)}"(?<d${index}>${atomic('(?:\\\\"|[^"])*')})"${atomic(`${WS}*`)})`;
  const placeholder = `${atomic(`${WS}*`)}(?<p${index}>[A-Za-z0-9_]+:[^, \\t\\n\\x0B\\f\\r]+)${atomic('[^,)]*')}`;
  return `(?:${single}|${double}${allowPlaceholders ? `|${placeholder}` : ''})`;
}

/**
 * Ditto's parameter-list pattern: `(` required parameters, then optional ones, `)`, the whole string
 * matched. Quoted constants keep backslashes; a placeholder parameter is `\w+:[^,\s]+` and anything
 * up to the next `,` or `)` after it is ignored.
 */
function parameterListPattern(required: number, optional: number, allowPlaceholders: boolean): RegExp {
  let source = '^\\(';
  for (let i = 0; i < required + optional; i++) {
    const parameter = (i > 0 ? ',' : '') + parameterPattern(i, allowPlaceholders);
    source += i < required ? parameter : `(?:${parameter})?`;
  }
  return new RegExp(`${source}\\)$`);
}

/** Parses parameter lists of one shape; compiled once per shape. */
export class ParameterListParser {
  private readonly pattern: RegExp;

  constructor(
    private readonly required: number,
    private readonly optional: number,
    allowPlaceholders: boolean,
  ) {
    this.pattern = parameterListPattern(required, optional, allowPlaceholders);
  }

  /** The parameters of `paramsIncludingParentheses`, or `undefined` when the list does not match. */
  parse(paramsIncludingParentheses: string): FunctionParameter[] | undefined {
    const groups = this.pattern.exec(paramsIncludingParentheses)?.groups;
    if (!groups) return undefined;
    const parameters: FunctionParameter[] = [];
    for (let i = 0; i < this.required + this.optional; i++) {
      const constant = groups[`s${i}`] ?? groups[`d${i}`];
      const placeholder = groups[`p${i}`];
      if (constant !== undefined) parameters.push({ kind: 'constant', value: constant });
      else if (placeholder !== undefined) parameters.push({ kind: 'placeholder', expression: placeholder });
    }
    return parameters;
  }
}

const EMPTY_PARAMETERS = new RegExp(`^\\(${WS}*\\)$`);

/** True for `()` with only whitespace inside. */
export function isEmptyParameterList(paramsIncludingParentheses: string): boolean {
  return EMPTY_PARAMETERS.test(paramsIncludingParentheses);
}
