import type { DittoProtocolMessage } from './envelope.js';
import { acknowledgementFromOutcome, liveResponseFromOutcome, outcomeHeaders, outcomePayload } from './outcome-responses.js';

const MESSAGE: DittoProtocolMessage = {
  topic: 'org.acme/t1/things/live/messages/ping',
  headers: { 'correlation-id': 'c-1', 'content-type': 'application/json', 'response-required': true, 'requested-acks': ['live-response'] },
  path: '/inbox/messages/ping',
  value: { hello: 1 },
};
const COMMAND: DittoProtocolMessage = { topic: 'org.acme/t1/things/live/commands/retrieve', headers: { 'correlation-id': 'c-2' }, path: '/attributes' };
const DITTO = 'application/vnd.eclipse.ditto+json';

describe('responses from external publish outcomes (bindings.md §5)', () => {
  it('reads the body as inline JSON, text as a string, bytes as Base64', () => {
    expect(outcomePayload({ status: 200, contentType: 'application/json', textPayload: '{"a":1}' })).toEqual({ a: 1 });
    expect(outcomePayload({ status: 200, contentType: 'application/json', textPayload: 'not json' })).toBe('not json');
    expect(outcomePayload({ status: 200, contentType: 'text/plain', textPayload: '{"a":1}' })).toBe('{"a":1}');
    expect(outcomePayload({ status: 200, contentType: 'application/octet-stream', bytePayload: Uint8Array.of(1, 2, 3) })).toBe('AQID');
    expect(outcomePayload({ status: 204 })).toBeUndefined();
  });

  it('merges the response headers over the signal headers, content-type from the response, transport headers left out', () => {
    const headers = outcomeHeaders({ 'correlation-id': 'c-1', 'content-type': 'application/json', a: 'signal' }, { status: 200, headers: { A: 'response', 'content-length': '2' } });
    expect(headers).toEqual({ 'correlation-id': 'c-1', a: 'response' });
  });

  it('issues an acknowledgement with the HTTP status, merged headers and the body', () => {
    const entry = acknowledgementFromOutcome('conn:pushed', { 'correlation-id': 'c-1' }, { status: 409, headers: { 'content-type': 'application/json' }, contentType: 'application/json', textPayload: '{"seen":true}' });
    expect(entry).toEqual({ label: 'conn:pushed', status: 409, headers: { 'correlation-id': 'c-1', 'content-type': 'application/json' }, payload: { seen: true } });
  });

  it('turns any HTTP response to a live message into the message response', () => {
    const result = liveResponseFromOutcome(MESSAGE, { status: 201, headers: { 'x-responder': 'hook' }, contentType: 'text/plain', textPayload: 'pong' });
    expect(result).toEqual({
      kind: 'response',
      response: { topic: MESSAGE.topic, path: MESSAGE.path, status: 201, value: 'pong', headers: { 'correlation-id': 'c-1', 'x-responder': 'hook', 'content-type': 'text/plain' } },
    });
  });

  it('takes a Ditto Protocol body as the response when it answers the request', () => {
    const response = { topic: MESSAGE.topic, headers: { 'correlation-id': 'c-1' }, path: MESSAGE.path, value: 'pong', status: 200 };
    expect(liveResponseFromOutcome(MESSAGE, { status: 200, contentType: DITTO, textPayload: JSON.stringify(response) })).toEqual({ kind: 'response', response });
    const command = { ...COMMAND, status: 200, value: { a: 1 } };
    expect(liveResponseFromOutcome(COMMAND, { status: 200, contentType: DITTO, textPayload: JSON.stringify(command) })).toEqual({ kind: 'response', response: command });
  });

  it('rejects a Ditto Protocol response that does not correlate', () => {
    const other = { topic: MESSAGE.topic, headers: { 'correlation-id': 'other' }, path: MESSAGE.path, status: 200 };
    const wrongPath = { topic: MESSAGE.topic, headers: { 'correlation-id': 'c-1' }, path: '/outbox/messages/ping', status: 200 };
    const notResponse = { topic: MESSAGE.topic, headers: { 'correlation-id': 'c-1' }, path: MESSAGE.path };
    for (const body of [other, wrongPath, notResponse]) {
      const result = liveResponseFromOutcome(MESSAGE, { status: 200, contentType: DITTO, textPayload: JSON.stringify(body) });
      expect(result).toMatchObject({ kind: 'rejected', error: { status: 422, error: 'signal.unsupported' } });
    }
  });

  it('gives a live command no response unless the body is Ditto Protocol', () => {
    expect(liveResponseFromOutcome(COMMAND, { status: 200, contentType: 'application/json', textPayload: '{"a":1}' })).toEqual({ kind: 'none' });
  });
});
