import { resolvePlaceholders, type PlaceholderContext } from '@twinlink/core';
import fc from 'fast-check';
import { placeholderContext, type ContextJson } from '../arbitraries/placeholder-contexts.js';
import { placeholderTemplate } from '../arbitraries/placeholder-templates.js';
import { runOurs, valueOutcome, type Outcome } from '../compare/outcome.js';
import type { Suite } from '../compare/suite.js';

/** A template and the context it is resolved in. */
export interface PlaceholderCase {
  readonly template: string;
  readonly context: ContextJson;
}

/** "Now" for templates that do not depend on the clock. */
const FIXED_NOW = new Date('2024-01-06T14:23:42.123Z');

function ourContext(context: ContextJson, now: Date): PlaceholderContext {
  const { time, ...rest } = context;
  return time === undefined ? rest : { ...rest, time: time === null ? null : now };
}

function resolveAt(input: PlaceholderCase, now: Date): Outcome {
  return runOurs(() => resolvePlaceholders(input.template, ourContext(input.context, now)));
}

/** Java prints instants at the clock's precision (micro/nanoseconds); twinlink prints milliseconds. */
function toMillis(text: string): string {
  return text.replace(/(\.\d{3})\d+Z/g, '$1Z').replace(/\.000Z/g, 'Z');
}

function coarsen(theirs: Outcome): Outcome {
  if (theirs.kind !== 'value') return theirs;
  const { value } = theirs;
  if (typeof value === 'string') return valueOutcome(toMillis(value));
  if (Array.isArray(value)) return valueOutcome(value.map((item) => (typeof item === 'string' ? toMillis(item) : item)));
  return theirs;
}

/** `resolvePlaceholders(template, context)` against Ditto's expression resolver. */
export const placeholderSuite: Suite<PlaceholderCase> = {
  name: 'resolvePlaceholders',
  arbitrary: fc.record({ template: placeholderTemplate, context: placeholderContext }),
  ours: (input) => resolveAt(input, FIXED_NOW),
  request: (input) => ({ fn: 'resolvePlaceholders', args: [input.template, input.context] }),
  knownDifferences: [
    {
      reason: 'invalid topic path in the context: Ditto fails building it, core resolves topic:* to nothing (core namespace tests)',
      matches: (input, _ours, theirs) => input.context.topic != null && theirs.kind === 'error' && theirs.code === 'ditto:UnknownTopicPathException',
    },
    {
      reason: 'fn:format: missing in Ditto 3.8.0 (function.unknown there); core follows the current Ditto',
      matches: (input) => input.template.includes('fn:format'),
    },
    {
      reason: 'thing-json: namespace missing in Ditto 3.8.0 (the reference binds it with its own lookup)',
      matches: (input) => input.template.includes('thing-json'),
    },
    {
      reason: "headers/resource set to null: the reference reads Ditto's JSON null as an empty object, so the namespace gets a value",
      matches: (input) =>
        (input.context.headers === null && input.template.includes('header')) ||
        (input.context.resource === null && input.template.includes('resource:')),
    },
  ],
  clock: {
    dependsOnClock: (input) => input.template.includes('time:') && input.context.time === true,
    oursAt: (input, epochMillis) => resolveAt(input, new Date(epochMillis)),
    coarsen,
    coarsenReason: "time:now: Ditto prints the JVM clock's sub-millisecond digits, core prints milliseconds",
  },
  show: (input) => `${JSON.stringify(input.template)} in ${JSON.stringify(input.context)}`,
};
