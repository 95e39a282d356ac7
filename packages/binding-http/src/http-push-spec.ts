import { OUTBOUND_NAMESPACES } from '@twinlink/core';
import type { ConnectionTypeSpec } from '@twinlink/core';
import { validateHttpPush } from './http-push-validation.js';

/** The connection type this binding provides. */
export const HTTP_PUSH_TYPE = 'http-push';

/**
 * `http-push`: `http[s]://[user:password@]host:port[/base/path]`, targets only, addresses
 * `<METHOD>:<path>` (bindings.md §5).
 */
export const HTTP_PUSH_SPEC: ConnectionTypeSpec = {
  type: HTTP_PUSH_TYPE,
  uriSchemes: ['http', 'https'],
  secureUriSchemes: ['https'],
  capabilities: {
    sources: false,
    targets: true,
    inboundSettlement: 'none',
    // Not implemented yet: rejected at validation rather than silently connecting directly.
    sshTunnel: false,
    credentials: ['client-cert', 'hmac', 'oauth-client-credentials', 'oauth-password'],
  },
  placeholders: { enforcementInput: [], sourceHeaderMapping: OUTBOUND_NAMESPACES, targetHeaderMapping: OUTBOUND_NAMESPACES },
  specificConfig: [
    { key: 'parallelism', description: 'Requests in flight per client, rounded up to a power of two; also the number of pooled connections.', default: '1' },
    { key: 'omitRequestBody', description: 'Comma list (or array) of HTTP methods whose requests are sent without a body; "" for none.', default: 'GET,DELETE' },
    { key: 'idleTimeout', description: 'Per-request timeout, a duration within [0, 60] s (a bare number is milliseconds); 0 disables it.', default: '60s' },
  ],
  validate: validateHttpPush,
};
