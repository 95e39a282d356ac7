import { OUTBOUND_NAMESPACES } from '@twinlink/core';
import type { ConnectionTypeSpec } from '@twinlink/core';

/** The connection type of this binding. */
export const LOOPBACK_TYPE = 'test-loopback';

const FAILURE_KINDS = ['transient', 'auth', 'misconfigured'];

/**
 * `test-loopback`: URI `loop://<host>:<port>`; client `i` serves its control port on `<port> + i`.
 * specificConfig steers failures: `failConnect` (`transient`, `auth`, `misconfigured`: every connect
 * fails with that kind), `failConnectTimes` (the first n connects fail transiently), `hangConnect`
 * (`true`: connect waits until aborted), `rejectAddress` (consuming that address is refused).
 */
export const LOOPBACK_SPEC: ConnectionTypeSpec = {
  type: LOOPBACK_TYPE,
  uriSchemes: ['loop'],
  secureUriSchemes: [],
  capabilities: { sources: true, targets: true, inboundSettlement: 'per-message', sshTunnel: false, credentials: [] },
  placeholders: { enforcementInput: ['header'], sourceHeaderMapping: OUTBOUND_NAMESPACES, targetHeaderMapping: OUTBOUND_NAMESPACES },
  specificConfig: [
    { key: 'failConnect', description: 'Every connect fails with this BindingError kind: transient, auth or misconfigured.' },
    { key: 'failConnectTimes', description: 'The first n connects of each client fail transiently.', default: '0' },
    { key: 'hangConnect', description: 'true: connect never completes by itself (tests the connect timeout).', default: 'false' },
    { key: 'rejectAddress', description: 'Consuming this source address is refused as misconfigured.' },
  ],
  validate: (kit) => {
    const kind = kit.connection.specificConfig['failConnect'];
    if (kind !== undefined && !FAILURE_KINDS.includes(kind)) return kit.invalid(`failConnect must be one of ${FAILURE_KINDS.join(', ')} but was '${kind}'.`);
    const times = kit.connection.specificConfig['failConnectTimes'];
    if (times !== undefined && !/^\d+$/.test(times)) return kit.invalid(`failConnectTimes must be a non-negative integer but was '${times}'.`);
    return undefined;
  },
};
