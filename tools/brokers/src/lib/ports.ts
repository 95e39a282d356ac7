import { createServer, type Server } from 'node:net';

/**
 * Returns `count` distinct free TCP ports on 127.0.0.1.
 * All listeners are held open together so the kernel cannot hand out the same port twice;
 * a port could still be taken by another process before the broker binds it, which port 0
 * makes unlikely enough for tests.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
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
