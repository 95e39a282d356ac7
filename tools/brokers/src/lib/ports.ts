import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

/** Lowest port handed out; below are the well-known and commonly configured ones. */
const FIRST_PORT = 10_000;
const MAX_ATTEMPTS = 1_000;

/**
 * Start of the kernel's ephemeral range (Linux; 32768 elsewhere). Ports below it are never given to
 * outgoing connections, so a port found free there stays free while a slow broker (a JVM takes
 * seconds) gets round to binding it — a port from the ephemeral range could meanwhile become the
 * source port of any client connection on the machine.
 */
function ephemeralRangeStart(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > FIRST_PORT + 1_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function listenOn(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Returns `count` distinct free TCP ports on 127.0.0.1, chosen at random below the ephemeral range.
 * All listeners are held open together so no port is returned twice; random choice keeps concurrent
 * test processes apart.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  const limit = ephemeralRangeStart();
  try {
    for (let attempt = 0; servers.length < count; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`no free port found between ${FIRST_PORT} and ${limit}`);
      const server = await listenOn(FIRST_PORT + Math.floor(Math.random() * (limit - FIRST_PORT)));
      if (server !== undefined) servers.push(server);
    }
    return servers.map((s) => {
      const address = s.address();
      if (address === null || typeof address === 'string') throw new Error('listener has no TCP address');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}
