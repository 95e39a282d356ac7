import type { ReplyTarget, Source } from './connection.js';

const REPLY_TO = '{{header:reply-to}}';
const CORRELATION_ID = '{{header:correlation-id}}';
const CONTENT_TYPE = '{{header:content-type}}';

/**
 * Ditto's legacy migration, applied at parse time and therefore visible on read (§5.4): a source
 * without a reply target address answers to `reply-to`. For every type but `mqtt` the source header
 * mapping also keeps correlation-id, content-type and reply-to (existing keys win).
 */
export function implicitReplyTarget(source: Source, connectionType: string): Source {
  if (connectionType === 'mqtt') {
    return { ...source, replyTarget: { address: REPLY_TO, headerMapping: {}, expectedResponseTypes: ['response', 'error'] } };
  }
  const replyTarget: ReplyTarget = {
    address: REPLY_TO,
    headerMapping: { 'correlation-id': CORRELATION_ID, 'content-type': CONTENT_TYPE },
    expectedResponseTypes: ['response', 'error'],
  };
  const headerMapping = { 'correlation-id': CORRELATION_ID, 'content-type': CONTENT_TYPE, 'reply-to': REPLY_TO, ...source.headerMapping };
  return { ...source, headerMapping, replyTarget };
}
