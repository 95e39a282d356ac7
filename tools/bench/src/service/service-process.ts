import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts } from '@twinlink/brokers';

/** The compiled service, exactly what `npm start` runs. */
const MAIN_JS = fileURLToPath(new URL('../../../../apps/server/dist/main.js', import.meta.url));
const READY_TIMEOUT_MS = 30_000;
/** The node flags `npm start` runs the service with (a larger young generation: fewer, cheaper GCs under load). */
const START_FLAGS = ['--max-semi-space-size=32'];

/** How to run the service under test. */
export interface ServiceOptions {
  /** Extra node flags, e.g. `--cpu-prof`. */
  readonly nodeArgs?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Working directory of the process (where `--cpu-prof` writes its profile). */
  readonly cwd?: string;
}

/** The service as a separate process on its own port and data directory. */
export class ServiceProcess {
  private output = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    private readonly dataDir: string,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', resolve));
  }

  static async start(options: ServiceOptions = {}): Promise<ServiceProcess> {
    const [port] = await freePorts(1);
    const dataDir = mkdtempSync(join(tmpdir(), 'twinlink-bench-'));
    const child = spawn(process.execPath, [...START_FLAGS, ...(options.nodeArgs ?? []), MAIN_JS], {
      cwd: options.cwd ?? process.cwd(),
      env: { PATH: process.env['PATH'] ?? '', PORT: String(port), TWINLINK_HOST: '127.0.0.1', TWINLINK_DATA_DIR: dataDir, TWINLINK_LOG_LEVEL: 'warn', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(child, `http://127.0.0.1:${port}`, dataDir);
    await service.waitUntilReady();
    return service;
  }

  /** The process id, for reading its memory from /proc. */
  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Graceful stop (SIGTERM; a `--cpu-prof` profile is written on this exit), then the data directory goes. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(timer);
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`service exited with ${this.child.exitCode}:\n${this.output}`);
      try {
        const ready = await fetch(`${this.baseUrl}/ready`);
        if (ready.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.child.kill('SIGKILL');
    throw new Error(`service not ready within ${READY_TIMEOUT_MS} ms:\n${this.output}`);
  }
}
