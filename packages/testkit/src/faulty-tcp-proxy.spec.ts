import { createConnection, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { startFaultyTcpProxy } from './faulty-tcp-proxy.js';

async function echoServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, port: (server.address() as { port: number }).port };
}

function connect(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

const nextData = (socket: Socket) => new Promise<string>((resolve) => socket.once('data', (data) => resolve(data.toString())));
const closed = (socket: Socket) => new Promise<void>((resolve) => socket.once('close', () => resolve()));

describe('faulty TCP proxy', () => {
  it('forwards, cuts, stalls and refuses', async () => {
    const { server, port } = await echoServer();
    const proxy = await startFaultyTcpProxy({ host: '127.0.0.1', port });
    const socket = await connect(proxy.port);
    socket.write('hello');
    expect(await nextData(socket)).toBe('hello');
    expect(proxy.openConnections).toBe(1);

    proxy.stall();
    let received = '';
    socket.on('data', (data) => (received += data.toString()));
    socket.write('held');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toBe('');
    proxy.resume();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toBe('held');

    const gone = closed(socket);
    proxy.cut();
    await gone;
    proxy.refuse();
    const refused = await connect(proxy.port);
    await closed(refused);
    proxy.accept();
    const again = await connect(proxy.port);
    again.write('back');
    expect(await nextData(again)).toBe('back');
    again.destroy();
    await proxy.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
