import type { ClientSupervisorStatus } from '@twinlink/core';
import { connectionStatusReport } from './connection-status-report.js';
import { kindStatus, liveStatus } from './status-aggregation.js';

const since = new Date('2024-01-06T14:23:42.123Z');

function client(status: 'open' | 'failed' | 'unknown', targetStatus: 'open' | 'unknown' = 'open'): ClientSupervisorStatus {
  return {
    clientIndex: 0,
    client: { status, recoveryStatus: status === 'open' ? 'succeeded' : 'ongoing', statusDetails: status === 'open' ? 'CONNECTED' : 'refused', inStateSince: since },
    sources: [{ sourceIndex: 0, address: 'telemetry/#', consumerIndex: 0, status: status === 'failed' ? 'closed' : 'open', statusDetails: 'x', inStateSince: since }],
    targets: [{ targetIndex: 0, address: 'events/{{ thing:id }}', status: targetStatus, statusDetails: 'y', inStateSince: since }],
  };
}

describe('connectionStatusReport', () => {
  it('answers the closed shape when no clients run', () => {
    expect(connectionStatusReport({ connectionId: 'c', desiredStatus: 'closed', clients: undefined, instanceId: 'node-1', closedSince: undefined })).toEqual({
      connectionId: 'c',
      connectionStatus: 'closed',
      liveStatus: 'closed',
      recoveryStatus: 'unknown',
      clientStatus: [{ type: 'client', client: 'node-1', status: 'closed', recoveryStatus: 'unknown', statusDetails: '[DISCONNECTED] connection is closed', inStateSince: '1970-01-01T00:00:00Z' }],
    });
  });

  it('reports an open connection with placeholder targets unknown as open', () => {
    const report = connectionStatusReport({ connectionId: 'c', desiredStatus: 'open', clients: [client('open', 'unknown')], instanceId: 'node-1', closedSince: undefined });
    expect(report).toMatchObject({ connectionStatus: 'open', liveStatus: 'open', recoveryStatus: 'succeeded', connectedSince: '2024-01-06T14:23:42.123Z' });
    expect(report['sourceStatus']).toEqual([{ type: 'source', client: 'node-1', address: 'telemetry/#', status: 'open', statusDetails: 'x', inStateSince: '2024-01-06T14:23:42.123Z' }]);
  });

  it('is never open while the client is down', () => {
    const report = connectionStatusReport({ connectionId: 'c', desiredStatus: 'open', clients: [client('failed')], instanceId: 'node-1', closedSince: undefined });
    expect(report).toMatchObject({ liveStatus: 'failed', recoveryStatus: 'ongoing' });
    expect(report).not.toHaveProperty('connectedSince');
  });
});

describe('status aggregation', () => {
  it('follows the steps of §6.3', () => {
    expect(kindStatus([])).toBe('open');
    expect(kindStatus([{ type: 'target', status: 'unknown' }])).toBe('open');
    expect(kindStatus([{ type: 'client', status: 'unknown' }])).toBe('unknown');
    expect(kindStatus([{ type: 'client', status: 'misconfigured' }, { type: 'client', status: 'closed' }])).toBe('misconfigured');
    expect(liveStatus([[{ type: 'client', status: 'closed' }], [{ type: 'source', status: 'closed' }]])).toBe('closed');
    expect(liveStatus([[{ type: 'client', status: 'open' }], [{ type: 'source', status: 'closed' }]])).toBe('unknown');
  });
});
