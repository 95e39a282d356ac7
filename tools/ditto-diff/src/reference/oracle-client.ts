import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** One request of the reference's line protocol. */
export interface OracleRequest {
  readonly fn: string;
  readonly args: readonly unknown[];
}

/** One answer: `{ ok }` or `{ error: "ExceptionSimpleName: message" }`. */
export type OracleAnswer = { readonly ok: unknown } | { readonly error: string };

interface Pending {
  readonly resolve: (answer: OracleAnswer) => void;
  readonly reject: (error: Error) => void;
}

const STDERR_TAIL = 4000;
const ANSWER_TIMEOUT_MS = 60_000;

/**
 * A running reference JVM (`run.sh`), answering requests in order. Requests may be pipelined:
 * answers come back in the order the requests were written.
 */
export class OracleClient {
  private readonly pending: Pending[] = [];
  private stderr = '';
  private failure: Error | undefined;
  private timer: NodeJS.Timeout | undefined;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => this.onLine(line));
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.on('error', (error) => this.fail(error));
    child.on('exit', (code, signal) => this.fail(new Error(`the reference JVM exited (${signal ?? code})`)));
    child.stdin.on('error', (error) => this.fail(error));
  }

  /** Starts `run.sh` in `dir` and waits for its answer to `ping`. */
  static async start(dir: string): Promise<OracleClient> {
    const child = spawn('bash', [join(dir, 'run.sh')], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new OracleClient(child);
    const answer = await client.request({ fn: 'ping', args: [] });
    if (!('ok' in answer) || answer.ok !== 'pong') throw new Error(`unexpected answer to ping: ${JSON.stringify(answer)}`);
    return client;
  }

  /** Sends one request; the promise settles with the matching answer. */
  request(request: OracleRequest): Promise<OracleAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<OracleAnswer>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.armTimer();
      this.child.stdin.write(`${JSON.stringify(request)}\n`);
    });
  }

  /** Sends all requests at once and returns the answers in the same order. */
  requestAll(requests: readonly OracleRequest[]): Promise<OracleAnswer[]> {
    return Promise.all(requests.map((request) => this.request(request)));
  }

  /** Ends the JVM (closes its stdin, then kills it if it does not exit). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const kill = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(kill);
  }

  private onLine(line: string): void {
    const next = this.pending.shift();
    if (!next) return;
    this.armTimer();
    try {
      next.resolve(JSON.parse(line) as OracleAnswer);
    } catch {
      next.reject(new Error(`the reference answered a line that is not JSON: ${line.slice(0, 200)}`));
    }
  }

  private armTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    this.timer = setTimeout(() => {
      this.fail(new Error(`no answer from the reference within ${ANSWER_TIMEOUT_MS / 1000}s`));
      this.child.kill('SIGKILL');
    }, ANSWER_TIMEOUT_MS);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    const tail = this.stderr.trim();
    this.failure = new Error(tail ? `${error.message}\n${tail}` : error.message);
    if (this.timer) clearTimeout(this.timer);
    for (const pending of this.pending.splice(0)) pending.reject(this.failure);
  }
}
