import { parseTargetTopicEntry } from '../topics/parse-target-topic.js';
import { serializeTargetTopic } from '../topics/serialize-target-topic.js';

/** The topic whose targets receive this connection's opened/closed announcements. */
export const CONNECTION_ANNOUNCEMENTS_TOPIC = '_/_/connections/announcements';

/** A target topic in its stored form: parsed (errors thrown as DittoError), then rendered canonically. */
export function canonicalTargetTopic(topic: string): string {
  return serializeTargetTopic(parseTargetTopicEntry(topic));
}
