import type { Connection, ConsumerSpec, InboundSink } from '@twinlink/core';
import type { ConnectionMonitoring } from '../observability/connection-monitoring.js';

/**
 * The inbound sink used until the inbound pipeline is installed: the message is counted as
 * consumed and dropped, and settled as accepted so that brokers do not redeliver it forever.
 */
export function unprocessedInbound(monitoring: ConnectionMonitoring): (connection: Connection, spec: ConsumerSpec) => InboundSink {
  return (connection, spec) => {
    const recorder = monitoring.recorder(connection.id, connection.connectionType);
    return {
      capacity: 100,
      deliver: async (message) => {
        const correlationId = message.headers['correlation-id'];
        const context = correlationId !== undefined ? { correlationId } : {};
        recorder.record({ direction: 'inbound', type: 'consumed', address: spec.address, success: true, ...context });
        recorder.record({ direction: 'inbound', type: 'dropped', address: spec.address, success: true, message: 'No inbound pipeline is installed; the message is dropped.', ...context });
        return { outcome: 'accepted' };
      },
    };
  };
}
