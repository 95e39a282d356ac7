import {
  acknowledgementMessage,
  ackOutcomeOf,
  aggregatedAcknowledgementsMessage,
  combinedAckStatus,
  isFailedAck,
  WEAK_ACK_PAYLOAD,
  weakAcknowledgementMessage,
} from './acknowledgements.js';

const ENTITY = { namespace: 'org.acme', name: 'sensor-1', channel: 'twin' as const };

describe('acknowledgement rules (protocol.md §7)', () => {
  it('combines statuses: one ack → its status; several → 200 if all 2xx, else 424', () => {
    expect(combinedAckStatus([201])).toBe(201);
    expect(combinedAckStatus([408])).toBe(408);
    expect(combinedAckStatus([201, 200, 204])).toBe(200);
    expect(combinedAckStatus([201, 500])).toBe(424);
    expect(combinedAckStatus([404, 408])).toBe(424);
  });

  it.each([
    [200, 'success'],
    [204, 'success'],
    [299, 'success'],
    [408, 'redeliver'],
    [424, 'redeliver'],
    [500, 'redeliver'],
    [503, 'redeliver'],
    [400, 'reject'],
    [403, 'reject'],
    [404, 'reject'],
    [409, 'reject'],
    [412, 'reject'],
    [429, 'reject'],
    [302, 'reject'],
  ])('status %i → %s', (status, outcome) => {
    expect(ackOutcomeOf(status)).toBe(outcome);
  });

  it('counts live responses as failed only with 408', () => {
    expect(isFailedAck('live-response', 408)).toBe(true);
    expect(isFailedAck('live-response', 500)).toBe(false);
    expect(isFailedAck('live-response', 404)).toBe(false);
    expect(isFailedAck('conn:x', 500)).toBe(true);
    expect(isFailedAck('twin-persisted', 201)).toBe(false);
  });

  it('builds single and weak acknowledgements', () => {
    expect(acknowledgementMessage(ENTITY, { label: 'conn-1:delivered', status: 200, headers: { 'correlation-id': 'c-1' } })).toEqual({
      topic: 'org.acme/sensor-1/things/twin/acks/conn-1:delivered',
      headers: { 'correlation-id': 'c-1' },
      path: '/',
      status: 200,
    });
    expect(weakAcknowledgementMessage({ ...ENTITY, channel: 'live' }, 'conn-1:x', 'c-2')).toEqual({
      topic: 'org.acme/sensor-1/things/live/acks/conn-1:x',
      headers: { 'correlation-id': 'c-2', 'ditto-weak-ack': true },
      path: '/',
      value: WEAK_ACK_PAYLOAD,
      status: 200,
    });
  });

  it('builds aggregated acknowledgements with the combined status', () => {
    const message = aggregatedAcknowledgementsMessage(
      ENTITY,
      [
        { label: 'twin-persisted', status: 201, payload: { a: 1 }, headers: { 'correlation-id': 'c-1' } },
        { label: 'conn-1:delivered', status: 200, headers: { 'ditto-weak-ack': true } },
      ],
      { 'correlation-id': 'c-1' },
    );
    expect(message).toEqual({
      topic: 'org.acme/sensor-1/things/twin/acks',
      headers: { 'correlation-id': 'c-1' },
      path: '/',
      value: {
        'twin-persisted': { status: 201, payload: { a: 1 }, headers: { 'correlation-id': 'c-1' } },
        'conn-1:delivered': { status: 200, headers: { 'ditto-weak-ack': true } },
      },
      status: 200,
    });
  });

  it('collects repeated labels into an array and keeps a __proto__ label inert', () => {
    const message = aggregatedAcknowledgementsMessage(ENTITY, [
      { label: '__proto__', status: 500 },
      { label: 'a:b', status: 200 },
      { label: 'a:b', status: 408 },
    ]);
    expect(message.status).toBe(424);
    const value = message.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(true);
    expect(value['a:b']).toEqual([{ status: 200 }, { status: 408 }]);
  });
});
