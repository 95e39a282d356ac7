import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { PUT_POLICY_SQL, PUT_THING_SQL } from './sqlite-schema.js';
import { SQLITE_WRITER_WORKER_SOURCE } from './sqlite-writer-worker.js';

/** A thing or policy row as statement parameters: id, revision, created, modified, JSON (null when deleted). */
export type RecordRow = readonly [id: string, revision: number, created: string, modified: string, json: string | null];

/** Rows committed together in one transaction. */
export interface RowBatch {
  readonly things: readonly RecordRow[];
  readonly policies: readonly RecordRow[];
}

interface Reply {
  readonly id: number;
  readonly failure?: { readonly message: string; readonly code: unknown };
}

interface Waiting {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The writing connection of a SQLite file, owned by a worker thread so that transactions and their
 * fsync (`synchronous=FULL`) do not block the event loop. Each {@link commit} is one transaction.
 * Once the thread has stopped, unexpectedly or by {@link close}, every commit is rejected.
 */
export class SqliteWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private readonly exited: Promise<void>;
  private lastId = 0;
  private crash: unknown;
  private stopped: Error | undefined;

  /** Starts the thread; the file's schema must exist already. */
  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(SQLITE_WRITER_WORKER_SOURCE, { eval: true, workerData: { driver, file, putThing: PUT_THING_SQL, putPolicy: PUT_POLICY_SQL } });
    // An idle writer must not keep the process alive; a commit in flight does (see commit()).
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.replied(reply));
    this.worker.on('error', (error) => {
      this.crash = error;
    });
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        this.stop(this.stopped ?? new Error(`The twin store's writer thread stopped (exit code ${code}).`, { cause: this.crash }));
        resolve();
      });
    });
  }

  /** Commits the rows in one transaction; resolves once it is durable. */
  commit(batch: RowBatch): Promise<void> {
    if (this.stopped !== undefined) return Promise.reject(this.stopped);
    const id = ++this.lastId;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, things: batch.things, policies: batch.policies });
    });
  }

  /** Closes the connection once the commits already sent are done, and ends the thread. */
  close(): Promise<void> {
    if (this.stopped === undefined) {
      this.stopped = new Error('The twin store is closed.');
      this.worker.ref();
      this.worker.postMessage(null);
    }
    return this.exited;
  }

  private replied({ id, failure }: Reply): void {
    const waiting = this.waiting.get(id);
    if (waiting === undefined) return;
    this.waiting.delete(id);
    if (this.waiting.size === 0 && this.stopped === undefined) this.worker.unref();
    if (failure === undefined) waiting.resolve();
    else waiting.reject(Object.assign(new Error(failure.message), { code: failure.code }));
  }

  private stop(error: Error): void {
    this.stopped = error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
