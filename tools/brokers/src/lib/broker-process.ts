import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { familyOf, isAlive } from './proc.js';

/** What to run for one long-lived broker process. */
export interface ProcessSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Complete environment of the process (not merged with ours, so nothing leaks in by accident). */
  readonly env: NodeJS.ProcessEnv;
  /** File that receives the process's stdout and stderr. */
  readonly logFile: string;
}

const TAIL_LINES = 40;
const liveGroups = new Set<number>();

// A test runner that exits without calling stop() (an uncaught error, process.exit) must not leave
// brokers behind; 'exit' handlers may only do synchronous work, and a signal is synchronous.
process.on('exit', () => {
  for (const pgid of liveGroups) signalGroup(pgid, 'SIGKILL');
});

/**
 * A broker process started in its own process group, so that stopping it also reaches
 * everything it spawned (Erlang port programs, JVM helpers, shell wrappers).
 */
export class BrokerProcess {
  readonly pid: number;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private readonly tail: string[] = [];
  private readonly lineListeners = new Set<(line: string) => void>();
  private exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(readonly spec: ProcessSpec) {
    this.log = createWriteStream(spec.logFile, { flags: 'a' });
    this.child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (this.child.pid === undefined) throw new Error(`could not start ${spec.command}`);
    this.pid = this.child.pid;
    liveGroups.add(this.pid);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      if (stream === null) continue;
      createInterface({ input: stream }).on('line', (line) => this.onLine(line));
    }
  }

  /** Starts `spec`; fails at once if the command cannot be executed. */
  static async start(spec: ProcessSpec): Promise<BrokerProcess> {
    const proc = new BrokerProcess(spec);
    const spawnError = await Promise.race([
      once(proc.child, 'spawn').then(() => undefined),
      once(proc.child, 'error').then(([error]) => error as Error),
    ]);
    if (spawnError !== undefined) {
      liveGroups.delete(proc.pid);
      throw new Error(`could not start ${spec.command}: ${spawnError.message}`);
    }
    return proc;
  }

  /** Whether the process has exited. */
  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  /** The last lines the process printed, for error messages. */
  recentOutput(): string {
    return this.tail.join('\n');
  }

  /** Resolves at the first output line matching `pattern` (including lines already printed). */
  waitForLine(pattern: RegExp, signal: AbortSignal): Promise<void> {
    if (this.tail.some((line) => pattern.test(line))) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (): void => {
        this.lineListeners.delete(listener);
        signal.removeEventListener('abort', onAbort);
      };
      const listener = (line: string): void => {
        if (!pattern.test(line)) return;
        done();
        resolve();
      };
      const onAbort = (): void => {
        done();
        reject(signal.reason);
      };
      this.lineListeners.add(listener);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Sends SIGTERM to the process group, waits up to `graceMs` for the group and every descendant
   * to end, then SIGKILLs whatever is left.
   */
  async stop(graceMs: number): Promise<void> {
    const family = familyOf(this.pid);
    const alive = (): number[] => family.filter(isAlive);
    signalGroup(this.pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (alive().length > 0 && Date.now() < deadline) await sleep(50);
    for (const pid of alive()) signalProcess(pid, 'SIGKILL');
    while (alive().length > 0) await sleep(20);
    await this.exited;
    liveGroups.delete(this.pid);
    await new Promise<void>((resolve) => this.log.end(resolve));
  }

  private onLine(line: string): void {
    this.log.write(`${line}\n`);
    this.tail.push(line);
    if (this.tail.length > TAIL_LINES) this.tail.shift();
    for (const listener of [...this.lineListeners]) listener(line);
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // ESRCH: it ended meanwhile.
  }
}
