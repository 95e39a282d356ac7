import { amqpConnection } from '../../test/support/connections.js';
import { validateConnection } from './validate-connection.js';

const source = (extra: Record<string, unknown>) => ({ addresses: ['q'], authorizationContext: ['a:b'], ...extra });
const target = (extra: Record<string, unknown>) => ({ address: 'e/k', topics: [], authorizationContext: ['a:b'], ...extra });
const errorOf = (json: Record<string, unknown>) => {
  const result = validateConnection(json);
  return result.valid ? undefined : result.error;
};

describe('acknowledgement label rules', () => {
  it('accepts declared and issued labels with the connection id prefix, literally or as placeholder', () => {
    expect(errorOf(amqpConnection({
      sources: [source({ declaredAcks: ['conn-1:done', '{{connection:id}}:other'] })],
      targets: [target({ issuedAcknowledgementLabel: '{{ connection:id }}:sent' }), target({ issuedAcknowledgementLabel: 'live-response' })],
    }))).toBeUndefined();
  });

  it.each([
    ['a declared label of another connection', { sources: [source({ declaredAcks: ['other:done'] })] }],
    ['a declared label without prefix', { sources: [source({ declaredAcks: ['done'] })] }],
    ['an issued label of another connection', { targets: [target({ issuedAcknowledgementLabel: 'x:sent' })] }],
    ['a label with a forbidden character', { sources: [source({ declaredAcks: ['conn-1:d one'] })] }],
    ['a label of 2 characters', { targets: [target({ issuedAcknowledgementLabel: 'ab' })] }],
  ])('rejects %s with acknowledgement:label.invalid', (_name, overrides) => {
    expect(errorOf(amqpConnection(overrides))).toMatchObject({ status: 400, error: 'acknowledgement:label.invalid' });
  });

  it('rejects an issued label used by two targets with 409', () => {
    const targets = [target({ issuedAcknowledgementLabel: 'conn-1:sent' }), target({ issuedAcknowledgementLabel: '{{connection:id}}:sent' })];
    expect(errorOf(amqpConnection({ targets }))).toMatchObject({ status: 409, error: 'acknowledgement:label.not.unique' });
  });

  it('rejects an unparseable requested acknowledgement with 422', () => {
    const sources = [source({ acknowledgementRequests: { includes: ['twin-persisted', 'bad label'] } })];
    expect(errorOf(amqpConnection({ sources }))).toMatchObject({ status: 422, error: 'acknowledgement:request.parsing.failed' });
    expect(errorOf(amqpConnection({ sources: [source({ acknowledgementRequests: { includes: ['{{connection:id}}:ack'] } })] }))).toBeUndefined();
  });
});
