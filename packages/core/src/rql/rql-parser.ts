import type { RqlComparisonOperator, RqlNode, RqlValue } from './rql-ast.js';
import { RqlCursor } from './rql-cursor.js';
import { invalidRql } from './rql-error.js';
import { parseCharacters, parseLiteral } from './rql-literals.js';

/** Deepest nesting of `and`/`or`/`not` accepted; deeper input is rejected instead of exhausting the stack. */
export const MAX_RQL_DEPTH = 100;

type OperatorName = RqlComparisonOperator | 'in' | 'and' | 'or' | 'not' | 'exists' | 'empty';

/** Operator names in the order the grammar tries them (only relevant for reported expectations). */
const OPERATORS: readonly OperatorName[] = [
  'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'ilike', 'in', 'and', 'or', 'not', 'exists', 'empty',
];

function parseOperatorName(c: RqlCursor): OperatorName | null {
  for (const name of OPERATORS) {
    if (c.lookingAt(name)) {
      c.pos += name.length;
      return name;
    }
  }
  c.fail(c.pos, 'Query');
  return null;
}

function parseIn(c: RqlCursor, property: string): RqlNode | null {
  const values: RqlValue[] = [];
  for (;;) {
    const before = c.pos;
    if (!c.accept(',', values.length === 0 ? 'MultiComparisonValues' : "','")) break;
    const value = parseLiteral(c);
    if (value === null) {
      c.pos = before;
      break;
    }
    values.push(value);
  }
  if (values.length === 0 || !c.accept(')')) return null;
  return { type: 'in', property, values };
}

function parseLogical(c: RqlCursor, type: 'and' | 'or', depth: number): RqlNode | null {
  const first = parseQuery(c, depth + 1);
  if (first === null) return null;
  const children: RqlNode[] = [first];
  for (;;) {
    const before = c.pos;
    if (!c.accept(',', 'ws')) break;
    c.skipWhitespace();
    const next = parseQuery(c, depth + 1);
    if (next === null) {
      c.pos = before;
      break;
    }
    children.push(next);
  }
  return c.accept(')') ? { type, children } : null;
}

function parseQuery(c: RqlCursor, depth: number): RqlNode | null {
  const start = c.pos;
  const name = parseOperatorName(c);
  if (name === null) return null;
  if (depth > MAX_RQL_DEPTH) throw c.errorHere(`nesting deeper than ${MAX_RQL_DEPTH} levels`, start);
  if (!c.accept('(')) return null;
  switch (name) {
    case 'and':
    case 'or':
      return parseLogical(c, name, depth);
    case 'not': {
      const child = parseQuery(c, depth + 1);
      return child !== null && c.accept(')') ? { type: 'not', child } : null;
    }
    case 'exists':
    case 'empty': {
      const property = parseCharacters(c);
      return c.accept(')') ? { type: name, property } : null;
    }
    case 'in':
      return parseIn(c, parseCharacters(c));
    default: {
      const property = parseCharacters(c);
      if (!c.accept(',')) return null;
      const value = parseLiteral(c);
      return value !== null && c.accept(')') ? { type: 'comparison', operator: name, property, value } : null;
    }
  }
}

/**
 * Parses an RQL filter (Ditto's connectivity dialect: whitespace only at the start, after values and
 * after the commas between sub-queries).
 * @throws DittoError 400 `rql.expression.invalid` naming line, column and what was expected.
 * @public
 */
export function parseRql(filter: string): RqlNode {
  if (typeof filter !== 'string') throw invalidRql('The RQL filter must be a string.');
  const c = new RqlCursor(filter);
  c.skipWhitespace();
  const node = parseQuery(c, 1);
  if (node === null) throw c.error();
  if (c.pos < filter.length) {
    c.fail(c.pos, "'EOI'");
    throw c.error();
  }
  return node;
}
