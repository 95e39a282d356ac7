import type { Socket } from 'node:net';
import type { ClientTlsOptions, HostValidator } from '@twinlink/core';
import { buildConnector } from 'undici';

/**
 * An undici connector that asks core's host validator before every socket it opens (pooled
 * connections are re-opened after idling or failing, so checking once at connect would not be
 * enough) and applies core's TLS options to `https` connections.
 */
export function guardedConnector(hosts: HostValidator, tls: ClientTlsOptions | undefined, timeoutMs: number): buildConnector.connector {
  const connect = buildConnector({ ...tls, timeout: timeoutMs });
  return (options, callback) => {
    hosts.assertAllowed(options.hostname).then(
      () => connect(options, callback),
      (error: Error) => callback(error, null),
    );
  };
}

/** Opens one socket through `connector` and closes it again: the connection test of a client. */
export function probe(connector: buildConnector.connector, url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    connector({ hostname: url.hostname.replace(/^\[|\]$/g, ''), host: url.host, protocol: url.protocol, port: url.port }, (error, socket: Socket | null) => {
      socket?.destroy();
      if (error) reject(error);
      else resolve();
    });
  });
}
