import type fc from 'fast-check';
import type { OracleAnswer, OracleRequest } from '../reference/oracle-client.js';
import type { Outcome } from './outcome.js';

/**
 * A documented difference between twinlink and the reference: a disagreement it matches is counted
 * as excluded. `ours`/`theirs` are given for differences that show only in the answers.
 */
export interface KnownDifference<I> {
  readonly reason: string;
  readonly matches: (input: I, ours: Outcome, theirs: Outcome) => boolean;
}

/** Answers that depend on the wall clock: evaluated one by one, with "now" taken from a window. */
export interface ClockDependence<I> {
  readonly dependsOnClock: (input: I) => boolean;
  /** twinlink's answer with "now" fixed to `epochMillis`. */
  readonly oursAt: (input: I, epochMillis: number) => Outcome;
  /** The reference's answer at twinlink's precision, and why that is a known difference. */
  readonly coarsen: (theirs: Outcome) => Outcome;
  readonly coarsenReason: string;
}

/** One function compared with the reference. */
export interface Suite<I> {
  /** The function's name (as exported by `@twinlink/core`). */
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<I>;
  readonly ours: (input: I) => Outcome;
  readonly request: (input: I) => OracleRequest;
  /** The reference's answer as an outcome (default: Ditto's exception mapped onto a twinlink code). */
  readonly theirs?: (answer: OracleAnswer) => Outcome;
  /** Whether two outcomes agree (default: same value or same error code). */
  readonly agree?: (ours: Outcome, theirs: Outcome) => boolean;
  readonly knownDifferences: readonly KnownDifference<I>[];
  readonly clock?: ClockDependence<I>;
  /** The input as shown in the report. */
  readonly show: (input: I) => string;
}
