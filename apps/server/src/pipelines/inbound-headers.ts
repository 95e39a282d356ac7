import { randomUUID } from 'node:crypto';
import { applyAckFilter, applyHeaderMapping, headerString, headerStringList, headerValue, placeholderContextOf } from '@twinlink/core';
import type { DittoProtocolMessage, HeaderValue, InboundMessage, PlaceholderContext } from '@twinlink/core';
import type { CompiledSource } from './compiled-connection.js';
import { addMissingHeaders, presentName, replaceHeader } from './header-record.js';

const REQUESTED_ACKS = 'requested-acks';

/**
 * Inbound steps 5 and 6 for one mapped signal: the source header mapping (the mapped message's own
 * headers win), `ditto-origin`, a generated `correlation-id` when none is given, then the source's
 * acknowledgement requests and their filter over the external headers.
 */
export function inboundHeaders(mapped: DittoProtocolMessage, external: InboundMessage, source: CompiledSource, connectionId: string, subjects: readonly string[]): Record<string, HeaderValue> {
  const headers: Record<string, HeaderValue> = { ...mapped.headers };
  let context: PlaceholderContext | undefined;
  const contextOf = (): PlaceholderContext =>
    (context ??= placeholderContextOf(mapped, { headers: external.headers, connectionId, request: { subjectIds: subjects }, time: true }));
  if (source.headerMapping.entries.length > 0) addMissingHeaders(headers, applyHeaderMapping(source.headerMapping, contextOf()));
  replaceHeader(headers, 'ditto-origin', connectionId);
  if (presentName(headers, 'correlation-id') === undefined) headers['correlation-id'] = randomUUID();
  const requests = source.source.acknowledgementRequests;
  if (requests !== undefined) applyAckRequests(headers, source.ackIncludes, requests.filter, contextOf);
  return headers;
}

function applyAckRequests(headers: Record<string, HeaderValue>, includes: readonly string[], filter: string | undefined, contextOf: () => PlaceholderContext): void {
  const present = headerValue(headers, REQUESTED_ACKS);
  const current = present === undefined ? undefined : headerStringList(present);
  // An explicitly empty list stays empty: the sender asked for no acknowledgements.
  let labels: string[] | undefined = current === undefined ? (includes.length > 0 ? [...includes] : undefined) : current.length === 0 ? current : [...new Set([...current, ...includes])];
  if (labels !== undefined) replaceHeader(headers, REQUESTED_ACKS, labels);
  if (filter === undefined) return;
  const outcome = applyAckFilter(filter, labels === undefined ? undefined : JSON.stringify(labels), contextOf());
  if (outcome.action === 'clear') labels = [];
  else if (outcome.action === 'set') labels = headerStringList(outcome.value) ?? [];
  if (labels !== undefined) replaceHeader(headers, REQUESTED_ACKS, labels);
}

/** The correlation id of a header record (present after {@link inboundHeaders}). */
export function correlationIdOf(headers: Readonly<Record<string, HeaderValue>>): string {
  const value = headerValue(headers, 'correlation-id');
  return value === undefined || value === null ? '' : headerString(value);
}
