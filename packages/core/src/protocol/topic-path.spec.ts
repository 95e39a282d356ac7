import { DittoError } from '../errors/ditto-error.js';
import { parseTopicPath, topicPathToString } from './topic-path.js';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(DittoError);
    return (e as DittoError).error;
  }
}

describe('parseTopicPath', () => {
  it.each([
    ['org.acme/s-1/things/twin/commands/modify', { group: 'things', channel: 'twin', criterion: 'commands', action: 'modify', entityId: 'org.acme:s-1' }],
    ['org.acme/s-1/things/live/commands/retrieve', { channel: 'live', criterion: 'commands', action: 'retrieve' }],
    ['org.acme/s-1/things/twin/commands/migrate', { action: 'migrate' }],
    ['org.acme/s-1/things/twin/events/created', { criterion: 'events', action: 'created' }],
    ['org.acme/s-1/things/live/events/merged', { channel: 'live', criterion: 'events', action: 'merged' }],
    ['org.acme/s-1/things/twin/events/migrated', { action: 'migrated' }],
    ['org.acme/s-1/things/live/messages/ask/for/help', { criterion: 'messages', subject: 'ask/for/help' }],
    ['org.acme/s-1/things/twin/acks/conn-1:delivered', { criterion: 'acks', subject: 'conn-1:delivered' }],
    ['org.acme/s-1/things/live/acks', { criterion: 'acks', subject: undefined }],
    ['org.acme/s-1/things/twin/errors', { criterion: 'errors' }],
    ['_/_/things/twin/errors', { criterion: 'errors', entityId: undefined }],
    ['org.acme/_/things/twin/commands/retrieve', { name: '_', entityId: undefined }],
    ['_/_/things/twin/search/subscribe', { criterion: 'search', action: 'subscribe' }],
    ['org.acme/_/things/twin/search/request', { criterion: 'search', action: 'request' }],
    ['org.acme/s-1/things/twin/streaming/subscribeForPersistedEvents', { criterion: 'streaming', action: 'subscribeForPersistedEvents' }],
    ['org.acme/p-1/policies/commands/modify', { group: 'policies', channel: undefined, criterion: 'commands', entityId: 'org.acme:p-1' }],
    ['org.acme/p-1/policies/errors', { group: 'policies', criterion: 'errors' }],
    ['org.acme/p-1/policies/announcements/subjectDeletion', { criterion: 'announcements', subject: 'subjectDeletion' }],
    ['_/conn-1/connections/announcements/opened', { group: 'connections', subject: 'opened', entityId: 'conn-1' }],
  ])('parses %s', (topic, expected) => {
    const parsed = parseTopicPath(topic);
    for (const [key, value] of Object.entries(expected)) {
      if (value === undefined) expect(key in parsed).toBe(false);
      else expect(parsed).toHaveProperty(key, value);
    }
    expect(topicPathToString(parsed)).toBe(topic);
  });

  it('ignores segments after the action, like Ditto', () => {
    const parsed = parseTopicPath('org.acme/s-1/things/twin/commands/retrieve/x');
    expect(topicPathToString(parsed)).toBe('org.acme/s-1/things/twin/commands/retrieve');
  });

  it.each([
    '',
    'org.acme',
    'org.acme/s-1',
    'org.acme//things/twin/commands/modify',
    'org.acme/s-1/things',
    'org.acme/s-1/things/foo/commands/retrieve',
    'org.acme/s-1/things/twin/commands',
    'org.acme/s-1/things/twin/commands/foo',
    'org.acme/s-1/things/twin/events/modify',
    'org.acme/s-1/things/twin/messages/hello',
    'org.acme/s-1/things/live/messages',
    'org.acme/s-1/things/twin/announcements/x',
    'org.acme/s-1/things/live/search/subscribe',
    'org.acme/s-1/things/twin/foo/bar',
    'org.acme/p-1/policies/twin/commands/retrieve',
    'org.acme/p-1/policies/commands/merge',
    'org.acme/p-1/policies/commands/migrate',
    'org.acme/p-1/policies/events/modified',
    'org.acme/p-1/policies/acks/x',
    '_/conn-1/connections/commands/modify',
    '_/conn-1/connections/announcements',
    'org.acme/s-1/devices/twin/commands/modify',
    'x'.repeat(100_000),
  ])('rejects %s with protocoladapter:unknown.topicpath', (topic) => {
    expect(codeOf(() => parseTopicPath(topic))).toBe('protocoladapter:unknown.topicpath');
  });

  it('names the topic in the error', () => {
    expect(() => parseTopicPath('a/b/things/twin/nope')).toThrow("The topic path 'a/b/things/twin/nope' is not supported.");
  });
});
