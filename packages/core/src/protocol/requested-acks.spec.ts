import { DittoError } from '../errors/ditto-error.js';
import { classifySignal } from './classify-signal.js';
import type { ProtocolHeaders } from './envelope.js';
import { checkAckHeaders, effectiveRequestedAcks, isResponseRequired } from './requested-acks.js';
import { DEFAULT_TIMEOUT_MS, parseTimeoutHeader } from './timeout.js';

const TWIN_MODIFY = classifySignal({ topic: 'a/b/things/twin/commands/modify', headers: {}, path: '/attributes/x', value: 1 });
const TWIN_RETRIEVE = classifySignal({ topic: 'a/b/things/twin/commands/retrieve', headers: {}, path: '/' });
const LIVE_COMMAND = classifySignal({ topic: 'a/b/things/live/commands/modify', headers: {}, path: '/attributes/x', value: 1 });
const LIVE_MESSAGE = classifySignal({ topic: 'a/b/things/live/messages/hi', headers: {}, path: '/inbox/messages/hi' });
const EVENT = classifySignal({ topic: 'a/b/things/twin/events/modified', headers: {}, path: '/attributes/x', value: 1 });
const LIVE_EVENT = classifySignal({ topic: 'a/b/things/live/events/modified', headers: {}, path: '/attributes/x', value: 1 });

describe('effectiveRequestedAcks (protocol.md §7)', () => {
  it.each([
    ['twin modify', TWIN_MODIFY, {}, ['twin-persisted']],
    ['twin modify, response-required false', TWIN_MODIFY, { 'response-required': false }, []],
    ['twin modify, timeout 0', TWIN_MODIFY, { timeout: '0s' }, []],
    ['twin retrieve', TWIN_RETRIEVE, {}, []],
    ['live command', LIVE_COMMAND, {}, ['live-response']],
    ['live message', LIVE_MESSAGE, {}, ['live-response']],
    ['live message, response-required "false"', LIVE_MESSAGE, { 'response-required': 'false' }, []],
    ['event', EVENT, {}, []],
  ] as const)('defaults when the header is absent: %s', (_name, signal, headers, expected) => {
    expect(effectiveRequestedAcks(signal, headers)).toEqual(expected);
  });

  it('adds live-response to a non-empty list of a live signal when a response is required', () => {
    expect(effectiveRequestedAcks(LIVE_MESSAGE, { 'requested-acks': ['c:x'] })).toEqual(['c:x', 'live-response']);
    expect(effectiveRequestedAcks(LIVE_MESSAGE, { 'requested-acks': [] })).toEqual([]);
    expect(effectiveRequestedAcks(LIVE_COMMAND, { 'requested-acks': ['live-response', 'c:x'] })).toEqual(['live-response', 'c:x']);
  });

  it('removes live-response from a live signal when no response is required', () => {
    expect(effectiveRequestedAcks(LIVE_COMMAND, { 'requested-acks': ['live-response', 'c:x'], 'response-required': false })).toEqual(['c:x']);
  });

  it('removes labels not applicable to the signal kind', () => {
    expect(effectiveRequestedAcks(TWIN_MODIFY, { 'requested-acks': ['live-response', 'twin-persisted', 'c:x'] })).toEqual(['twin-persisted', 'c:x']);
    expect(effectiveRequestedAcks(LIVE_COMMAND, { 'requested-acks': ['twin-persisted'] })).toEqual([]);
    expect(effectiveRequestedAcks(LIVE_MESSAGE, { 'Requested-Acks': '["twin-persisted","c:y"]' })).toEqual(['c:y', 'live-response']);
  });

  it('removes twin-persisted from a live event too: a source requesting it for every message must not stall on live events', () => {
    expect(effectiveRequestedAcks(LIVE_EVENT, { 'requested-acks': ['twin-persisted', 'c:x'] })).toEqual(['c:x']);
    expect(effectiveRequestedAcks(EVENT, { 'requested-acks': ['twin-persisted'] })).toEqual(['twin-persisted']);
  });

  it('reads requested-acks as array, JSON text or comma-separated text', () => {
    expect(effectiveRequestedAcks(TWIN_MODIFY, { 'requested-acks': 'a:b, c:d' })).toEqual(['a:b', 'c:d']);
    expect(effectiveRequestedAcks(TWIN_MODIFY, { 'requested-acks': '' })).toEqual([]);
  });

  it('derives response-required from timeout when absent', () => {
    expect(isResponseRequired({})).toBe(true);
    expect(isResponseRequired({ timeout: '0ms' })).toBe(false);
    expect(isResponseRequired({ timeout: '0', 'response-required': true })).toBe(true);
  });
});

describe('checkAckHeaders', () => {
  const message = "The value of the header 'timeout' must not be zero if response or acknowledgements are requested.";
  it.each([
    [{ timeout: '0s', 'response-required': true }],
    [{ timeout: '0', 'requested-acks': ['a:b'] }],
    [{ TIMEOUT: '0ms', 'Response-Required': 'true' }],
  ] as ProtocolHeaders[][])('rejects %p', (headers) => {
    expect(() => checkAckHeaders(headers)).toThrow(message);
    try {
      checkAckHeaders(headers);
    } catch (e) {
      expect(e).toMatchObject({ status: 400, error: 'header.invalid' });
    }
  });

  it.each([[{}], [{ timeout: '0s' }], [{ timeout: '0s', 'response-required': false, 'requested-acks': [] }], [{ timeout: '1s', 'response-required': true }]] as ProtocolHeaders[][])(
    'accepts %p',
    (headers) => {
      expect(() => checkAckHeaders(headers)).not.toThrow();
    },
  );
});

describe('parseTimeoutHeader', () => {
  it.each([
    [undefined, DEFAULT_TIMEOUT_MS],
    ['250ms', 250],
    ['42s', 42_000],
    ['1m', 60_000],
    ['60', 60_000],
    [' 5s ', 5_000],
    [10, 10_000],
    ['0', 0],
    ['2m', 60_000],
    ['999999s', 60_000],
  ])('%p → %p ms', (value, expected) => {
    expect(parseTimeoutHeader(value)).toBe(expected);
  });

  it.each(['abc', '-1s', '1h', '1.5s', '', true, [1]])('rejects %p with header.invalid', (value) => {
    expect(() => parseTimeoutHeader(value)).toThrow(DittoError);
    expect(() => parseTimeoutHeader(value)).toThrow(/of the header 'timeout' is not a valid duration/);
  });
});
