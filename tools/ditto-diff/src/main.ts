#!/usr/bin/env node
/**
 * Differential property tests of `@twinlink/core` against Eclipse Ditto's own code (the reference
 * program in shared/tools/ditto-reference). Run with `npm run ditto-diff`; see README.md.
 * @packageDocumentation
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCliOptions, USAGE } from './cli-options.js';
import { formatReport } from './compare/report.js';
import { runSuite, type SuiteResult } from './compare/run-suite.js';
import type { Suite } from './compare/suite.js';
import { EnvironmentError } from './reference/environment-error.js';
import { locateReference } from './reference/locate-reference.js';
import { OracleClient } from './reference/oracle-client.js';
import { prepareReference } from './reference/prepare-reference.js';
import { enforcementSuite } from './suites/enforcement-suite.js';
import { placeholderSuite } from './suites/placeholder-suite.js';
import { rqlEvaluateSuite } from './suites/rql-evaluate-suite.js';
import { rqlParseSuite } from './suites/rql-parse-suite.js';
import { targetTopicSuite } from './suites/target-topic-suite.js';

interface SuiteEntry {
  readonly name: string;
  readonly run: (oracle: OracleClient, seed: number, runs: number) => Promise<SuiteResult>;
}

function entry<I>(suite: Suite<I>): SuiteEntry {
  return { name: suite.name, run: (oracle, seed, runs) => runSuite(suite, oracle, seed, runs) };
}

/** Every suite, in report order (suite `i` uses seed + i). */
const SUITES: readonly SuiteEntry[] = [
  entry(placeholderSuite),
  entry(rqlParseSuite),
  entry(rqlEvaluateSuite),
  entry(targetTopicSuite),
  entry(enforcementSuite),
];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  const options = parseCliOptions(argv);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = options.only.filter((name) => !SUITES.some((suite) => suite.name === name));
  if (unknown.length > 0) throw new Error(`unknown function(s) for --only: ${unknown.join(', ')}`);

  const referenceDir = locateReference(repoRoot);
  const builtDir = prepareReference(referenceDir, repoRoot, log);
  log(`Ditto reference: ${referenceDir} (running from ${builtDir})`);
  log(`seed ${options.seed}, ${options.runs} cases per function`);

  const oracle = await OracleClient.start(builtDir);
  const results: SuiteResult[] = [];
  try {
    for (const [index, suite] of SUITES.entries()) {
      if (options.only.length > 0 && !options.only.includes(suite.name)) continue;
      const started = Date.now();
      results.push(await suite.run(oracle, options.seed + index, options.runs));
      log(`  ${suite.name}: ${Date.now() - started} ms`);
    }
  } finally {
    await oracle.stop();
  }
  process.stdout.write(`${formatReport(results, options.show)}\n`);
  const disagreed = results.reduce((sum, result) => sum + result.disagreements.length, 0);
  process.stdout.write(
    disagreed === 0
      ? `\nNo unexpected disagreement (seed ${options.seed}).\n`
      : `\n${disagreed} unexpected disagreement(s). Repeat with: npm run ditto-diff -- --seed ${options.seed} --runs ${options.runs}\n`,
  );
  return disagreed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof EnvironmentError) {
      log(`ditto-diff: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    log(`ditto-diff: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
