import { evaluateRql, parseRql } from '@twinlink/core';
import type { JsonObject, RqlNode } from '@twinlink/core';
import type { PolicyEnforcer } from '../auth/policy-enforcer.js';
import { conditionFailed, conditionNotReadable } from '../errors/precondition-errors.js';

function propertiesOf(node: RqlNode, out: string[]): string[] {
  switch (node.type) {
    case 'and':
    case 'or':
      for (const child of node.children) propertiesOf(child, out);
      return out;
    case 'not':
      return propertiesOf(node.child, out);
    default:
      out.push(node.property);
      return out;
  }
}

/**
 * Ditto's `condition` header: every field it reads must be fully READable by the requester, and the
 * RQL must hold for the current thing (with `_revision`, `_modified`, … available).
 * @throws DittoError `things:condition.failed` (412) or `rql.expression.invalid` (400)
 */
export function checkCondition(condition: string, thing: JsonObject, enforcer: PolicyEnforcer, subjects: readonly string[]): void {
  const node = parseRql(condition);
  for (const property of propertiesOf(node, [])) {
    const segments = property.split('/').filter((segment) => segment.length > 0);
    if (!enforcer.hasUnrestricted('thing', segments, subjects, 'READ')) throw conditionNotReadable();
  }
  if (!evaluateRql(condition, thing)) throw conditionFailed();
}
