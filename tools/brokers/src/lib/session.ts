import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrokerProcess, type ProcessSpec } from './broker-process.js';
import { waitForPort } from './wait.js';
import type { BrokerKind, RunningBroker, StartOptions } from '../types.js';

/** What a starter reports once its broker is ready. */
export interface StartedBroker {
  readonly env: Record<string, string>;
  readonly ports: readonly number[];
}

/** How a starter waits for readiness. */
export interface ReadySpec {
  readonly ports: readonly number[];
  /** A log line that must also have appeared (the port alone can open before the broker is usable). */
  readonly line?: RegExp;
  readonly timeoutMs: number;
}

/**
 * The temporary directory and processes of one broker. Processes stop in reverse start order,
 * so helpers started first (epmd) outlive the broker that uses them, as they would in a service manager.
 */
export class BrokerSession {
  private readonly processes: BrokerProcess[] = [];
  private stopping: Promise<void> | undefined;

  private constructor(
    readonly kind: BrokerKind,
    readonly dir: string,
    private readonly graceMs: number,
  ) {}

  static async create(kind: BrokerKind, options: StartOptions, graceMs: number): Promise<BrokerSession> {
    const dir = await mkdtemp(join(options.tmpRoot ?? tmpdir(), `twinlink-${kind}-`));
    return new BrokerSession(kind, dir, graceMs);
  }

  get pids(): number[] {
    return this.processes.map((p) => p.pid);
  }

  /** Starts a long-lived process that belongs to this broker; its output goes to `<dir>/<name>.log`. */
  async spawn(name: string, spec: Omit<ProcessSpec, 'logFile' | 'cwd'>): Promise<BrokerProcess> {
    const proc = await BrokerProcess.start({ ...spec, cwd: this.dir, logFile: join(this.dir, `${name}.log`) });
    this.processes.push(proc);
    return proc;
  }

  /**
   * Waits until every port accepts connections and the log line (if any) appeared. Fails early,
   * with the process's last output, if it exits or the timeout passes.
   */
  async waitUntilReady(proc: BrokerProcess, ready: ReadySpec): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('timeout')), ready.timeoutMs);
    const failure = (reason: string): Error =>
      new Error(`${this.kind}: ${reason}; last output of ${proc.spec.command}:\n${proc.recentOutput()}`);
    const exited = proc.exited.then((info) => {
      throw failure(`exited (code ${String(info.code)}, signal ${String(info.signal)}) before it was ready`);
    });
    try {
      const waits = ready.ports.map((port) => waitForPort(port, controller.signal));
      if (ready.line !== undefined) waits.push(proc.waitForLine(ready.line, controller.signal));
      await Promise.race([Promise.all(waits), exited]);
    } catch (error) {
      if (controller.signal.aborted && !proc.hasExited) {
        throw failure(`not ready on ports ${ready.ports.join(', ')} within ${ready.timeoutMs} ms`);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      controller.abort();
      exited.catch(() => undefined);
    }
  }

  /** Stops all processes (newest first) and removes the directory. Safe to call more than once. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const proc of [...this.processes].reverse()) await proc.stop(this.graceMs);
      await rm(this.dir, { recursive: true, force: true });
    })();
    return this.stopping;
  }
}

/**
 * Runs `body` in a fresh session and turns its result into a {@link RunningBroker};
 * if `body` fails, everything it started is stopped before the error propagates.
 */
export async function runBroker(
  kind: BrokerKind,
  options: StartOptions,
  graceMs: number,
  body: (session: BrokerSession) => Promise<StartedBroker>,
): Promise<RunningBroker> {
  const session = await BrokerSession.create(kind, options, graceMs);
  const startedAt = performance.now();
  try {
    const started = await body(session);
    return {
      kind,
      env: started.env,
      ports: started.ports,
      pids: session.pids,
      startMs: Math.round(performance.now() - startedAt),
      stop: () => session.stop(),
    };
  } catch (error) {
    await session.stop();
    throw error;
  }
}
