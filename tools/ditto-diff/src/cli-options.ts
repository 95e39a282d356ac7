import { parseArgs } from 'node:util';

/** The command line of the tool. */
export interface CliOptions {
  /** The base seed; suite `i` uses `seed + i`. */
  readonly seed: number;
  /** Cases per function. */
  readonly runs: number;
  /** Disagreements printed per function. */
  readonly show: number;
  /** Only these functions (all when empty). */
  readonly only: readonly string[];
  readonly help: boolean;
}

/** The seed used when `--seed` is not given, so that runs are repeatable. */
export const DEFAULT_SEED = 20_250_601;
/** Cases per function when `--runs` is not given. */
export const DEFAULT_RUNS = 2000;

/** Usage text for `--help`. */
export const USAGE = `Usage: npm run ditto-diff -- [--seed N] [--runs N] [--show N] [--only fn1,fn2]

  --seed N   base seed (default ${DEFAULT_SEED}); function i uses seed+i
  --runs N   generated cases per function (default ${DEFAULT_RUNS})
  --show N   disagreements printed per function (default 5)
  --only F   comma-separated functions: resolvePlaceholders, parseRql, evaluateRql, parseTargetTopic, checkEnforcement

Environment: TWINLINK_DITTO_REFERENCE overrides the reference folder (default ../shared/tools/ditto-reference).
Exit codes: 0 no unexpected disagreement, 1 disagreements (or the reference failed), 2 reference, Java or Maven missing.`;

function integer(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`--${name} needs an integer ≥ ${min}, got '${text}'`);
  return value;
}

/**
 * Parses the command line.
 * @throws Error for unknown options or invalid numbers.
 */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seed: { type: 'string' },
      runs: { type: 'string' },
      show: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  return {
    seed: integer('seed', values.seed, DEFAULT_SEED, -(2 ** 31)),
    runs: integer('runs', values.runs, DEFAULT_RUNS, 1),
    show: integer('show', values.show, 5, 0),
    only: (values.only ?? '').split(',').map((name) => name.trim()).filter((name) => name !== ''),
    help: values.help === true,
  };
}
