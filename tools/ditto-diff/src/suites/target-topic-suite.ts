import { parseTargetTopic, topicKindOf } from '@twinlink/core';
import { targetTopic } from '../arbitraries/target-topics.js';
import { dittoOutcome, runOurs, sameVerdict, valueOutcome, type Outcome } from '../compare/outcome.js';
import type { Suite } from '../compare/suite.js';

interface DittoFilteredTopic {
  readonly kind: string;
  readonly namespaces: string[];
  readonly filter: string | null;
  readonly extraFields: string[] | null;
}

/** Ditto's answer with its topic name mapped onto twinlink's kind and without its `string`. */
function theirs(answer: Parameters<typeof dittoOutcome>[0]): Outcome {
  const outcome = dittoOutcome(answer);
  if (outcome.kind !== 'value') return outcome;
  const topic = outcome.value as DittoFilteredTopic;
  return valueOutcome({
    kind: topicKindOf(topic.kind)?.kind ?? `ditto:${topic.kind}`,
    namespaces: topic.namespaces,
    filter: topic.filter,
    extraFields: topic.extraFields,
  });
}

function agree(ours: Outcome, their: Outcome): boolean {
  if (ours.kind === 'error' || their.kind === 'error') return sameVerdict(ours, their);
  return JSON.stringify(ours.value) === JSON.stringify(their.value);
}

/** `parseTargetTopic(topic)` against Ditto's connectivity model (`newFilteredTopic`); errors compare as rejections. */
export const targetTopicSuite: Suite<string> = {
  name: 'parseTargetTopic',
  arbitrary: targetTopic,
  ours: (topic) => runOurs(() => parseTargetTopic(topic)),
  request: (topic) => ({ fn: 'parseTargetTopic', args: [topic] }),
  theirs,
  agree,
  knownDifferences: [
    {
      reason: "invalid RQL filter: Ditto's model keeps it (its connection validator rejects it later), core rejects it while parsing",
      matches: (_topic, ours, their) => ours.kind === 'error' && ours.code === 'rql.expression.invalid' && their.kind === 'value',
    },
  ],
  show: (topic) => JSON.stringify(topic),
};
