import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves once a TCP connection to 127.0.0.1:`port` succeeds; rejects when `signal` aborts. */
export async function waitForPort(port: number, signal: AbortSignal): Promise<void> {
  while (!(await canConnect(port))) {
    signal.throwIfAborted();
    await sleep(50, undefined, { signal });
  }
}

/** Whether something accepts TCP connections on 127.0.0.1:`port` right now. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
