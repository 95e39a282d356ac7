import { DittoError } from '../errors/ditto-error.js';
import { connectionAnnouncement } from './announcements.js';
import { errorResponseMessage, errorTopicFor } from './error-response.js';
import { thingNotAccessible } from './thing-errors.js';
import { parseTopicPath } from './topic-path.js';

describe('error responses (protocol.md §9)', () => {
  it('builds the spec example for a missing thing', () => {
    const message = errorResponseMessage(
      thingNotAccessible('org.acme:sensor-1'),
      parseTopicPath('org.acme/sensor-1/things/twin/commands/retrieve'),
      { 'correlation-id': 'c-1' },
    );
    expect(JSON.stringify(message)).toBe(
      JSON.stringify({
        topic: 'org.acme/sensor-1/things/twin/errors',
        headers: { 'correlation-id': 'c-1' },
        path: '/',
        value: {
          status: 404,
          error: 'things:thing.notfound',
          message: "The Thing with ID 'org.acme:sensor-1' could not be found or requester had insufficient permissions to access it.",
          description: 'Check if the ID of your requested Thing was correct and you have sufficient permissions.',
        },
        status: 404,
      }),
    );
  });

  it.each([
    ['org.acme/s-1/things/live/messages/hi', 'org.acme/s-1/things/live/errors'],
    ['org.acme/s-1/things/twin/events/modified', 'org.acme/s-1/things/twin/errors'],
    ['org.acme/p-1/policies/commands/modify', 'org.acme/p-1/policies/errors'],
    ['_/conn-1/connections/announcements/opened', '_/_/things/twin/errors'],
    ['_/_/things/twin/search/subscribe', '_/_/things/twin/errors'],
  ])('errors for %s go to %s', (topic, expected) => {
    expect(errorTopicFor(parseTopicPath(topic))).toBe(expected);
  });

  it('uses the unknown-entity topic without a topic and keeps href', () => {
    const error = new DittoError({ status: 400, error: 'json.invalid', message: 'm', href: 'https://x' });
    expect(errorResponseMessage(error, undefined)).toEqual({
      topic: '_/_/things/twin/errors',
      headers: {},
      path: '/',
      value: { status: 400, error: 'json.invalid', message: 'm', href: 'https://x' },
      status: 400,
    });
  });
});

describe('connection announcements (protocol.md §8)', () => {
  it('builds opened and closed announcements', () => {
    const at = new Date('2024-01-06T14:23:42.123Z');
    expect(connectionAnnouncement('conn-1', 'opened', at)).toEqual({
      topic: '_/conn-1/connections/announcements/opened',
      headers: { 'content-type': 'application/json' },
      path: '/',
      value: { openedAt: '2024-01-06T14:23:42.123Z' },
    });
    expect(connectionAnnouncement('conn-1', 'closed', at).value).toEqual({ closedAt: '2024-01-06T14:23:42.123Z' });
    expect(parseTopicPath(connectionAnnouncement('conn-1', 'closed', at).topic)).toMatchObject({ group: 'connections', entityId: 'conn-1' });
  });
});
