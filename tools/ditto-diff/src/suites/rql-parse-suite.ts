import { parseRql } from '@twinlink/core';
import { rqlParserInput } from '../arbitraries/rql-filters.js';
import { runOurs, sameVerdict } from '../compare/outcome.js';
import type { Suite } from '../compare/suite.js';
import { usesEmpty } from './rql-known-differences.js';

/** `parseRql(filter)` accept/reject against Ditto's RQL predicate parser. */
export const rqlParseSuite: Suite<string> = {
  name: 'parseRql',
  arbitrary: rqlParserInput,
  ours: (filter) => runOurs(() => (parseRql(filter), null)),
  request: (filter) => ({ fn: 'parseRql', args: [filter] }),
  agree: sameVerdict,
  knownDifferences: [{ reason: 'empty(): operator missing in Ditto 3.8.0', matches: usesEmpty }],
  show: (filter) => JSON.stringify(filter),
};
