/** Direction of a counted message. */
export type MetricDirection = 'inbound' | 'outbound';

/** Every metric type of management.md §7.1 (and divergence 30). */
export type MetricType = 'consumed' | 'dispatched' | 'filtered' | 'mapped' | 'dropped' | 'enforced' | 'published' | 'acknowledged' | 'throttled' | 'other';

/** The types that apply to each direction, in Ditto's order. */
export const METRIC_TYPES: Readonly<Record<MetricDirection, readonly MetricType[]>> = {
  inbound: ['consumed', 'mapped', 'dropped', 'enforced', 'acknowledged', 'throttled', 'other'],
  outbound: ['dispatched', 'filtered', 'mapped', 'dropped', 'published', 'acknowledged', 'other'],
};

/** The pseudo target address of messages published to reply targets. */
export const RESPONSES_ADDRESS = '_responses';
