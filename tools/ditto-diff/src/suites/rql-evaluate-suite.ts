import { evaluateRql } from '@twinlink/core';
import fc from 'fast-check';
import { rqlFilter } from '../arbitraries/rql-filters.js';
import { thingJson } from '../arbitraries/things.js';
import { runOurs, sameOutcome, type Outcome } from '../compare/outcome.js';
import type { Suite } from '../compare/suite.js';
import { hasNullInIn, hasPlaceholderProperty, likeOnNull, usesEmpty } from './rql-known-differences.js';

/** A filter and the thing it is evaluated on. */
export interface RqlEvaluateCase {
  readonly filter: string;
  readonly thing: Record<string, unknown>;
}

/** Same result, or both fail (Ditto's exception types do not all map onto one RQL code). */
function agree(ours: Outcome, theirs: Outcome): boolean {
  return ours.kind === 'error' ? theirs.kind === 'error' : sameOutcome(ours, theirs);
}

/** `evaluateRql(filter, thing)` against Ditto's RQL parser and in-memory Thing predicate. */
export const rqlEvaluateSuite: Suite<RqlEvaluateCase> = {
  name: 'evaluateRql',
  arbitrary: fc.record({ filter: rqlFilter, thing: thingJson }),
  ours: (input) => runOurs(() => evaluateRql(input.filter, input.thing)),
  request: (input) => ({ fn: 'evaluateRql', args: [input.filter, input.thing] }),
  agree,
  knownDifferences: [
    {
      reason: 'thing:/entity: properties: the reference evaluates without those placeholders (Ditto binds them in its services)',
      matches: (input) => hasPlaceholderProperty(input.filter),
    },
    { reason: 'empty(): operator missing in Ditto 3.8.0', matches: (input) => usesEmpty(input.filter) },
    { reason: 'in() with null: Ditto fails, core never matches null (core evaluate-rql tests)', matches: (input) => hasNullInIn(input.filter) },
    {
      reason: 'like/ilike on a JSON null: Ditto matches an internal object text, core never matches (core evaluate-rql tests)',
      matches: (input) => likeOnNull(input.filter, input.thing),
    },
    {
      reason: "empty pointer segments ('//'): core rejects such a filter when it is parsed; Ditto reads '//' as '/' in exists() and fails only when it evaluates another operator on it",
      matches: (input) => /\([^,()"']*\/\//.test(input.filter),
    },
  ],
  show: (input) => `${JSON.stringify(input.filter)} on ${JSON.stringify(input.thing)}`,
};
