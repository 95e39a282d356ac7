import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePorts } from '@twinlink/brokers';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request, type RequestOptions, type TestResponse } from './http-client.js';

/** The compiled service; the black-box tests run exactly what `npm start` runs. */
export const MAIN_JS = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** The test-only binding package (connection type `test-loopback`), loaded through plugin discovery. */
export const TEST_BINDING_DIR = fileURLToPath(new URL('../../../../tools/test-binding', import.meta.url));

const READY_TIMEOUT_MS = 20_000;

/** A port that was free a moment ago: the OS picks it for a throw-away listener. */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port as number;
}

/** A temporary data directory, removed by {@link ServiceProcess.cleanup}. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'twinlink-int-'));
}

/** Options of one service process. */
export interface ServiceProcessOptions {
  /** Reuse a data directory (restart tests); a fresh one otherwise. */
  readonly dataDir?: string;
  readonly env?: Record<string, string>;
}

/** One real `node dist/main.js` process on its own port and data directory. */
export class ServiceProcess {
  private exited: Promise<number | null>;
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly dataDir: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Starts the process and waits until `/ready` answers 200. */
  static async start(options: ServiceProcessOptions = {}): Promise<ServiceProcess> {
    const port = await freePort();
    const dataDir = options.dataDir ?? tempDataDir();
    const child = spawn(process.execPath, [MAIN_JS], {
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: String(port),
        TWINLINK_HOST: '127.0.0.1',
        TWINLINK_DATA_DIR: dataDir,
        TWINLINK_BINDINGS: TEST_BINDING_DIR,
        TWINLINK_INSTANCE_ID: 'int-test',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(child, port, dataDir);
    await service.waitUntilReady();
    return service;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Everything the process wrote to stdout and stderr so far. */
  get logs(): string {
    return this.output;
  }

  call(method: string, path: string, options?: RequestOptions): Promise<TestResponse> {
    return request(this.baseUrl, method, path, options);
  }

  /** SIGTERM, then the exit code once the process ended. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** SIGKILL: no shutdown code runs. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Kills the process if still running and removes its data directory. */
  async cleanup(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let exitCode: number | null | undefined;
    void this.exited.then((code) => (exitCode = code));
    while (Date.now() < deadline) {
      if (exitCode !== undefined) throw new Error(`service exited with ${exitCode} before it was ready:\n${this.output}`);
      try {
        if ((await request(this.baseUrl, 'GET', '/ready', { auth: false })).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.kill();
    throw new Error(`service not ready within ${READY_TIMEOUT_MS} ms:\n${this.output}`);
  }
}
