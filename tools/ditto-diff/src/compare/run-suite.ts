import fc from 'fast-check';
import type { OracleClient } from '../reference/oracle-client.js';
import { dittoOutcome, sameOutcome, type Outcome } from './outcome.js';
import type { Suite } from './suite.js';

/** One input on which twinlink and the reference disagree. */
export interface Disagreement {
  readonly input: string;
  readonly ours: Outcome;
  readonly theirs: Outcome;
}

/** The figures of one suite. */
export interface SuiteResult {
  readonly name: string;
  readonly seed: number;
  readonly cases: number;
  readonly agreed: number;
  readonly excluded: number;
  /** Excluded cases per known-difference reason. */
  readonly exclusions: ReadonlyMap<string, number>;
  /** All disagreements, shortest input first. */
  readonly disagreements: readonly Disagreement[];
}

const MAX_CLOCK_WINDOW_MS = 2000;

interface Compared {
  readonly ours: Outcome;
  readonly theirs: Outcome;
  /** A reason when the case is a known difference found by the clock comparison. */
  readonly clockReason?: string;
}

/** Compares a clock-dependent input: twinlink at every millisecond the reference may have seen. */
async function compareOnClock<I>(suite: Suite<I>, input: I, oracle: OracleClient): Promise<Compared> {
  const clock = suite.clock;
  if (!clock) throw new Error('no clock dependence');
  const agree = suite.agree ?? sameOutcome;
  const before = Date.now();
  const answer = await oracle.request(suite.request(input));
  const after = Math.min(Date.now(), before + MAX_CLOCK_WINDOW_MS);
  const theirs = (suite.theirs ?? dittoOutcome)(answer);
  const coarse = clock.coarsen(theirs);
  let first: Outcome | undefined;
  for (let now = before; now <= after; now++) {
    const ours = clock.oursAt(input, now);
    first ??= ours;
    if (agree(ours, theirs)) return { ours, theirs };
    if (agree(ours, coarse)) return { ours, theirs, clockReason: clock.coarsenReason };
  }
  return { ours: first ?? clock.oursAt(input, before), theirs };
}

/**
 * Generates `runs` inputs from `seed`, asks twinlink and the reference (one pipelined batch, plus
 * one request at a time for clock-dependent inputs) and classifies every case: agreed, excluded
 * (a disagreement a known difference explains) or disagreed.
 */
export async function runSuite<I>(suite: Suite<I>, oracle: OracleClient, seed: number, runs: number): Promise<SuiteResult> {
  const inputs = fc.sample(suite.arbitrary, { seed, numRuns: runs });
  const agree = suite.agree ?? sameOutcome;
  const onClock = inputs.map((input) => suite.clock?.dependsOnClock(input) === true);
  const batch = inputs.filter((_input, i) => !onClock[i]);
  const answers = await oracle.requestAll(batch.map((input) => suite.request(input)));
  const compared = new Map<I, Compared>();
  batch.forEach((input, i) => {
    const answer = answers[i];
    if (answer === undefined) throw new Error('missing answer');
    compared.set(input, { ours: suite.ours(input), theirs: (suite.theirs ?? dittoOutcome)(answer) });
  });
  for (const [i, input] of inputs.entries()) {
    if (onClock[i]) compared.set(input, await compareOnClock(suite, input, oracle));
  }

  let agreed = 0;
  let excluded = 0;
  const exclusions = new Map<string, number>();
  const disagreements: Disagreement[] = [];
  for (const input of inputs) {
    const result = compared.get(input);
    if (!result) continue;
    if (result.clockReason === undefined && agree(result.ours, result.theirs)) {
      agreed++;
      continue;
    }
    const known = suite.knownDifferences.find((difference) => difference.matches(input, result.ours, result.theirs));
    const reason = known?.reason ?? result.clockReason;
    if (reason !== undefined) {
      excluded++;
      exclusions.set(reason, (exclusions.get(reason) ?? 0) + 1);
    } else {
      disagreements.push({ input: suite.show(input), ours: result.ours, theirs: result.theirs });
    }
  }
  disagreements.sort((a, b) => a.input.length - b.input.length);
  return { name: suite.name, seed, cases: inputs.length, agreed, excluded, exclusions, disagreements };
}
