import type { LogCategory } from './logs/log-entry.js';
import type { MetricType } from './metrics/metric-types.js';

// Ditto's default texts (management.md §8.1); pipelines pass their own text for anything more specific.
const SUCCESS_TEXTS: Partial<Record<`${LogCategory}/${MetricType}`, string>> = {
  'source/consumed': 'Received signal.',
  'source/mapped': 'Mapped incoming signal.',
  'source/dropped': 'Payload mapping returned null, message is dropped.',
  'source/enforced': 'Successfully applied enforcement on incoming signal.',
  'source/acknowledged': 'Acknowledged incoming message.',
  'target/dispatched': 'Successfully dispatched signal.',
  'target/filtered': 'Signal successfully passed possible filters.',
  'target/mapped': 'Mapped outgoing signal.',
  'target/dropped': 'Signal was dropped.',
  'target/published': 'Successfully published signal.',
  'target/acknowledged': 'Received successful acknowledgement.',
  'response/dispatched': 'Received response.',
  'response/filtered': 'Response successfully passed possible filters.',
  'response/mapped': 'Mapped outgoing response.',
  'response/dropped': 'Response was dropped.',
  'response/published': 'Successfully published response.',
  'response/acknowledged': 'Received successful acknowledgement.',
};

const DOING: Partial<Record<MetricType, string>> = {
  consumed: 'consuming the message',
  dispatched: 'dispatching the signal',
  filtered: 'filtering the signal',
  mapped: 'mapping the message',
  dropped: 'dropping the message',
  enforced: 'applying enforcement',
  published: 'publishing the signal',
  acknowledged: 'acknowledging the message',
  throttled: 'consuming the message (throttled)',
};

/** The text of a log entry when the recorder's caller gave none. */
export function defaultLogText(category: LogCategory, type: MetricType, success: boolean): string {
  if (success) return SUCCESS_TEXTS[`${category}/${type}`] ?? 'Success.';
  return `Ran into a failure when ${DOING[type] ?? 'processing the message'}.`;
}
