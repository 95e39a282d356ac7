import { checkEnforcement } from '@twinlink/core';
import { enforcementCase, type EnforcementCase } from '../arbitraries/enforcement-cases.js';
import { dittoOutcome, runOurs, valueOutcome, type Outcome } from '../compare/outcome.js';
import type { Suite } from '../compare/suite.js';

/** The reference answers `"pass"`, `"reject"` or an error; an error is a rejection. */
function theirs(answer: Parameters<typeof dittoOutcome>[0]): Outcome {
  const outcome = dittoOutcome(answer);
  return outcome.kind === 'error' ? valueOutcome('reject') : outcome;
}

/** `checkEnforcement(enforcement, message, entity)` pass/reject against Ditto's placeholder filter. */
export const enforcementSuite: Suite<EnforcementCase> = {
  name: 'checkEnforcement',
  arbitrary: enforcementCase,
  ours: (input) => runOurs(() => checkEnforcement(input.enforcement, input.message, input.entity)),
  request: (input) => ({ fn: 'checkEnforcement', args: [input.enforcement, input.message, input.entity] }),
  theirs,
  knownDifferences: [
    {
      reason:
        'message with a source address but input not the literal {{ source:address }}: the reference always reads the input from the address (its own rule)',
      matches: (input) => input.message.sourceAddress !== undefined && !input.enforcement.input.includes('{{ source:address }}'),
    },
  ],
  show: (input) => JSON.stringify(input),
};
