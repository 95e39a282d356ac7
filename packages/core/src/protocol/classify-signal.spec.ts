import { DittoError } from '../errors/ditto-error.js';
import type { JsonValue } from '../json/json-value.js';
import { classifySignal } from './classify-signal.js';
import type { DittoProtocolMessage } from './envelope.js';
import type { ProtocolSignal } from './signal.js';

const MERGE = { 'content-type': 'application/merge-patch+json' };

function classify(message: Partial<DittoProtocolMessage> & { topic: string }): ProtocolSignal {
  return classifySignal({ headers: {}, path: '/', ...message });
}

function codeOf(message: Partial<DittoProtocolMessage> & { topic: string }): string {
  try {
    classify(message);
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(DittoError);
    return (e as DittoError).error;
  }
}

// Path → resource kind and a value of the right type (protocol.md §4).
const RESOURCES: readonly [string, string, JsonValue][] = [
  ['/', 'thing', {}],
  ['/policyId', 'policyId', 'ns:p'],
  ['/definition', 'definition', 'a:b:1'],
  ['/attributes', 'attributes', {}],
  ['/attributes/a', 'attribute', 1],
  ['/attributes/a/b', 'attribute', 1],
  ['/features', 'features', {}],
  ['/features/f', 'feature', {}],
  ['/features/f/definition', 'featureDefinition', ['a:b:1']],
  ['/features/f/properties', 'featureProperties', {}],
  ['/features/f/properties/p', 'featureProperty', 1],
  ['/features/f/properties/p/q', 'featureProperty', 1],
  ['/features/f/desiredProperties', 'featureDesiredProperties', {}],
  ['/features/f/desiredProperties/p', 'featureDesiredProperty', 1],
];
const UNKNOWN_PATHS = ['/foo', '/thingId', '/features/f/foo', '/features/f/definition/x', '/policyId/x', '/definition/x'];

// Which (action, resource) pairs Ditto rejects with unknown.topicpath; everything else parses.
// All 360 channel × action × path combinations (commands and events) agree with Ditto 3.8.0's adapter.
function commandExpectation(action: string, kind: string): string {
  if (action === 'create' && kind !== 'thing') return 'protocoladapter:unknown.topicpath';
  if (action === 'delete' && kind === 'policyId') return 'protocoladapter:unknown.topicpath';
  return 'ok';
}

describe('classifySignal: thing commands (protocol.md §4)', () => {
  for (const channel of ['twin', 'live'] as const) {
    for (const action of ['create', 'modify', 'merge', 'retrieve', 'delete'] as const) {
      it.each(RESOURCES)(`${channel} ${action} %s`, (path, kind, value) => {
        const message = {
          topic: `org.acme/s-1/things/${channel}/commands/${action}`,
          headers: action === 'merge' ? MERGE : {},
          path,
          ...(action === 'create' || action === 'modify' || action === 'merge' ? { value } : {}),
        };
        const expected = commandExpectation(action, kind);
        expect(codeOf(message)).toBe(expected);
        if (expected === 'ok') {
          expect(classify(message)).toMatchObject({ kind: 'command', channel, action, thingId: 'org.acme:s-1', resource: { kind } });
        }
      });
      it.each(UNKNOWN_PATHS)(`${channel} ${action} rejects unknown path %s`, (path) => {
        const message = { topic: `org.acme/s-1/things/${channel}/commands/${action}`, headers: MERGE, path, value: 1 };
        expect(codeOf(message)).toBe('protocoladapter:unknown.path');
      });
    }
  }

  it('resolves feature ids and pointers', () => {
    const signal = classify({ topic: 'a/b/things/twin/commands/retrieve', path: 'features/f-1/properties/x/y/' });
    expect(signal).toMatchObject({ resource: { kind: 'featureProperty', featureId: 'f-1', pointer: '/x/y', path: '/features/f-1/properties/x/y' } });
    expect(classify({ topic: 'a/b/things/twin/commands/retrieve', path: '/attributes/l/m' })).toMatchObject({ resource: { pointer: '/l/m' } });
    expect(classify({ topic: 'a/b/things/twin/commands/retrieve', path: '' })).toMatchObject({ resource: { kind: 'thing', path: '/' } });
  });

  it('rejects empty path segments as Ditto does', () => {
    expect(codeOf({ topic: 'a/b/things/twin/commands/retrieve', path: '//attributes//x' })).toBe('json.pointer.invalid');
  });

  it('accepts migrate and requires values for create/modify/merge/migrate', () => {
    expect(classify({ topic: 'a/b/things/twin/commands/migrate', value: { thingDefinitionUrl: 'https://x' } })).toMatchObject({ action: 'migrate' });
    for (const action of ['create', 'modify', 'migrate']) expect(codeOf({ topic: `a/b/things/twin/commands/${action}` })).toBe('json.field.missing');
    expect(codeOf({ topic: 'a/b/things/twin/commands/merge', headers: MERGE })).toBe('json.field.missing');
  });

  it('requires the merge-patch content type for merge commands', () => {
    expect(codeOf({ topic: 'a/b/things/twin/commands/merge', path: '/attributes/x', value: null })).toBe('mediatype.unsupported');
    expect(codeOf({ topic: 'a/b/things/twin/commands/merge', headers: { 'Content-Type': 'application/merge-patch+json; charset=utf-8' }, value: null })).toBe('ok');
  });

  it.each([
    ['/', []],
    ['/attributes', []],
    ['/attributes', 'x'],
    ['/features/f', 1],
    ['/features/f/properties', null],
    ['/policyId', 1],
    ['/definition', 1],
    ['/features/f/definition', 'a:b:1'],
    ['/features/f/definition', [1]],
  ])('rejects a modify of %s with value %p', (path, value) => {
    expect(codeOf({ topic: 'a/b/things/twin/commands/modify', path, value })).toBe('json.invalid');
  });

  it('accepts a null definition and any attribute value', () => {
    expect(codeOf({ topic: 'a/b/things/twin/commands/modify', path: '/definition', value: null })).toBe('ok');
    expect(codeOf({ topic: 'a/b/things/twin/commands/modify', path: '/attributes/x', value: null })).toBe('ok');
  });

  it('classifies retrieve of several things', () => {
    expect(classify({ topic: 'org.acme/_/things/twin/commands/retrieve', value: { thingIds: ['org.acme:a', 'org.acme:b'] } })).toMatchObject({
      kind: 'retrieveThings',
      thingIds: ['org.acme:a', 'org.acme:b'],
    });
    expect(classify({ topic: '_/_/things/twin/commands/retrieve', value: { thingIds: [] } })).toMatchObject({ kind: 'retrieveThings' });
    expect(codeOf({ topic: 'org.acme/_/things/twin/commands/retrieve' })).toBe('json.field.missing');
    expect(codeOf({ topic: 'org.acme/_/things/twin/commands/retrieve', value: { thingIds: [1] } })).toBe('json.invalid');
  });

  it('checks the thing id of the topic', () => {
    expect(codeOf({ topic: '_/foo/things/twin/commands/retrieve' })).toBe('things:id.invalid');
    // `_` is an ordinary thing name outside "retrieve several things"
    expect(classify({ topic: 'ns/_/things/twin/commands/modify', value: {} })).toMatchObject({ thingId: 'ns:_' });
  });
});

describe('classifySignal: responses', () => {
  it('classifies command responses with 2xx statuses', () => {
    expect(classify({ topic: 'a/b/things/twin/commands/modify', path: '/attributes/x', status: 204 })).toMatchObject({
      kind: 'commandResponse',
      action: 'modify',
      status: 204,
      resource: { kind: 'attribute' },
    });
    expect(classify({ topic: 'a/b/things/live/commands/retrieve', status: 200, value: {} })).toMatchObject({ kind: 'commandResponse', channel: 'live' });
  });

  it('applies action availability and rejects error statuses on command topics', () => {
    expect(codeOf({ topic: 'a/b/things/twin/commands/create', path: '/attributes', status: 201 })).toBe('protocoladapter:unknown.topicpath');
    expect(codeOf({ topic: 'a/b/things/twin/commands/delete', path: '/policyId', status: 204 })).toBe('protocoladapter:unknown.topicpath');
    const error = (() => {
      try {
        classify({ topic: 'a/b/things/twin/commands/modify', path: '/attributes/x', status: 404 });
      } catch (e) {
        return e as DittoError;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ status: 422, error: 'protocoladapter:illegal.adaptable' });
  });
});

describe('classifySignal: events', () => {
  for (const channel of ['twin', 'live'] as const) {
    for (const action of ['created', 'modified', 'merged', 'deleted'] as const) {
      it.each(RESOURCES)(`${channel} ${action} %s`, (path, kind, value) => {
        const message = { topic: `a/b/things/${channel}/events/${action}`, path, revision: 1, ...(action === 'deleted' ? {} : { value }) };
        const rejected = (action === 'created' || action === 'deleted') && kind === 'policyId';
        expect(codeOf(message)).toBe(rejected ? 'protocoladapter:unknown.topicpath' : 'ok');
        if (!rejected) expect(classify(message)).toMatchObject({ kind: 'event', channel, action, resource: { kind } });
      });
      it.each(UNKNOWN_PATHS)(`${channel} ${action} rejects unknown path %s`, (path) => {
        expect(codeOf({ topic: `a/b/things/${channel}/events/${action}`, path, value: 1 })).toBe('protocoladapter:unknown.path');
      });
    }
  }

  it('accepts migrated events and events without revision', () => {
    expect(classify({ topic: 'a/b/things/twin/events/migrated', value: {} })).toMatchObject({ kind: 'event', action: 'migrated' });
  });
});

describe('classifySignal: live messages (protocol.md §6)', () => {
  it.each([
    ['hello', '/inbox/messages/hello', { direction: 'inbox', subject: 'hello' }],
    ['hello/world', '/outbox/messages/hello/world', { direction: 'outbox', subject: 'hello/world' }],
    ['hello', '/features/f-1/inbox/messages/hello', { direction: 'inbox', featureId: 'f-1' }],
    ['hello', 'features/f-1/outbox/messages/hello', { direction: 'outbox', featureId: 'f-1' }],
    ['claim', '/inbox/messages/claim', { subject: 'claim' }],
  ])('classifies subject %s at %s', (subject, path, expected) => {
    const message = { topic: `a/b/things/live/messages/${subject}`, headers: { 'content-type': 'text/plain' }, path, value: 'x' };
    expect(classify(message)).toMatchObject({ kind: 'message', channel: 'live', thingId: 'a:b', ...expected });
    expect(classify({ ...message, status: 418 })).toMatchObject({ kind: 'messageResponse', status: 418, ...expected });
  });

  it.each([
    ['hello', '/features/f/outbox/messages/other'],
    ['hello', '/attributes'],
    ['claim', '/inbox/claim'],
    ['claim', '/features/f/inbox/messages/claim'],
    ['hello', '/features//inbox/messages/hello'],
    ['hello', '/inbox/messages/'],
  ])('rejects subject %s at %s with invalid.path', (subject, path) => {
    expect(codeOf({ topic: `a/b/things/live/messages/${subject}`, path, value: 'x' })).toBe('protocoladapter:invalid.path');
  });

  it('rejects messages on the twin channel', () => {
    expect(codeOf({ topic: 'a/b/things/twin/messages/hello', path: '/inbox/messages/hello' })).toBe('protocoladapter:unknown.topicpath');
  });
});

describe('classifySignal: acknowledgements, errors, announcements, search, policies', () => {
  it('classifies acknowledgements and requires a status', () => {
    expect(classify({ topic: 'a/b/things/twin/acks/conn:label', status: 200 })).toMatchObject({ kind: 'acknowledgement', label: 'conn:label', status: 200, channel: 'twin' });
    expect(classify({ topic: 'a/b/things/live/acks', status: 424, value: {} })).toMatchObject({ kind: 'acknowledgements', status: 424, channel: 'live' });
    expect(codeOf({ topic: 'a/b/things/twin/acks/x-y' })).toBe('json.field.missing');
    expect(codeOf({ topic: 'a/b/things/twin/acks' })).toBe('json.field.missing');
  });

  it('classifies error responses of every group', () => {
    const value = { status: 404, error: 'things:thing.notfound', message: 'm' };
    expect(classify({ topic: 'a/b/things/twin/errors', status: 404, value })).toMatchObject({ kind: 'errorResponse', status: 404, error: value });
    expect(classify({ topic: '_/_/things/twin/errors', value })).toMatchObject({ kind: 'errorResponse', status: 404 });
    expect(classify({ topic: 'a/p/policies/errors', status: 403 })).toMatchObject({ kind: 'errorResponse', status: 403 });
    expect(codeOf({ topic: 'a/b/things/live/errors', value: 'x' })).toBe('json.field.missing');
  });

  it('classifies announcements', () => {
    expect(classify({ topic: '_/conn-1/connections/announcements/opened', value: { openedAt: 't' } })).toMatchObject({
      kind: 'announcement',
      group: 'connections',
      name: 'opened',
      entityId: 'conn-1',
    });
    expect(classify({ topic: '_/conn-1/connections/announcements/closed' })).toMatchObject({ name: 'closed' });
    expect(classify({ topic: 'a/p/policies/announcements/subjectDeletion', value: {} })).toMatchObject({ group: 'policies', entityId: 'a:p' });
    expect(codeOf({ topic: '_/conn-1/connections/announcements/foo' })).toBe('protocoladapter:unknown.topicpath');
    expect(codeOf({ topic: 'a/p/policies/announcements/foo' })).toBe('protocoladapter:unknown.topicpath');
  });

  it('marks search and streaming as optional', () => {
    expect(classify({ topic: '_/_/things/twin/search/subscribe' })).toEqual(expect.objectContaining({ kind: 'search', action: 'subscribe', optional: true }));
    expect(classify({ topic: 'a/b/things/twin/streaming/request' })).toEqual(expect.objectContaining({ kind: 'streaming', optional: true }));
  });

  it('classifies policy commands and responses', () => {
    expect(classify({ topic: 'a/p/policies/commands/retrieve' })).toMatchObject({ kind: 'policyCommand', policyId: 'a:p', path: '/' });
    expect(classify({ topic: 'a/p/policies/commands/modify', path: '/entries/e', value: {} })).toMatchObject({ path: '/entries/e' });
    expect(classify({ topic: 'a/p/policies/commands/delete', path: '/entries/e', status: 204 })).toMatchObject({ kind: 'policyCommandResponse', status: 204 });
    expect(codeOf({ topic: 'a/p/policies/commands/create', path: '/entries', value: {} })).toBe('protocoladapter:unknown.topicpath');
    expect(codeOf({ topic: 'a/p/policies/commands/retrieve', path: '/foo' })).toBe('protocoladapter:unknown.path');
    expect(codeOf({ topic: '_/p/policies/commands/retrieve' })).toBe('policies:id.invalid');
  });
});
