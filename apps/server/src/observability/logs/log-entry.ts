import type { MetricType } from '../metrics/metric-types.js';

/** Log categories of management.md §8.1. */
export type LogCategory = 'source' | 'target' | 'response' | 'connection';

/** Correlation id of entries whose message carried none. */
export const CORRELATION_ID_NOT_PROVIDED = '<not-provided>';

/** One connection log entry, in Ditto's field names (divergence 13: `entityType` + `entityId`). */
export interface LogEntry {
  readonly correlationId: string;
  readonly timestamp: string;
  readonly category: LogCategory;
  readonly type: MetricType;
  readonly level: 'success' | 'failure';
  readonly message: string;
  readonly address?: string;
  readonly entityType?: string;
  readonly entityId?: string;
}

const LEVELS = ['success', 'failure'];
const CATEGORIES = ['source', 'target', 'response', 'connection'];
const TYPES = ['consumed', 'dispatched', 'filtered', 'mapped', 'dropped', 'enforced', 'published', 'acknowledged', 'throttled', 'other'];

/** Reads a log entry sent with `sudoAddConnectionLogEntry`; undefined when a required field is missing or wrong. */
export function parseLogEntry(value: unknown): LogEntry | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const json = value as Record<string, unknown>;
  const text = (key: string) => (typeof json[key] === 'string' ? (json[key] as string) : undefined);
  const [category, type, level, message, timestamp] = [text('category'), text('type'), text('level'), text('message'), text('timestamp')];
  if (!category || !CATEGORIES.includes(category) || !type || !TYPES.includes(type) || !level || !LEVELS.includes(level) || message === undefined) return undefined;
  const [address, entityType, entityId] = [text('address'), text('entityType'), text('entityId')];
  return {
    correlationId: text('correlationId') ?? CORRELATION_ID_NOT_PROVIDED,
    timestamp: timestamp ?? new Date().toISOString(),
    category: category as LogCategory,
    type: type as MetricType,
    level: level as LogEntry['level'],
    message,
    ...(address !== undefined ? { address } : {}),
    ...(entityType !== undefined ? { entityType } : {}),
    ...(entityId !== undefined ? { entityId } : {}),
  };
}
