import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { JsonObject } from '@twinlink/core';
import { hasExpiringSubject } from '../expiry/tracked-subjects.js';
import { LruCache } from './lru-cache.js';
import { TWIN_SCHEMA_SQL, TWIN_SCHEMA_VERSION } from './sqlite-schema.js';
import { SqliteWriter } from './sqlite-writer.js';
import type { RecordRow } from './sqlite-writer.js';
import type { PolicyRecord, ThingRecord, TwinStore, TwinStoreStats, TwinWrite } from './twin-store.js';

/** Options of {@link SqliteTwinStore}. */
export interface SqliteTwinStoreOptions {
  /** The database file; its directory is created if missing. */
  readonly file: string;
  /** Things and policies (each) kept in memory; default 10,000. */
  readonly cacheSize?: number;
}

interface Row {
  id: string;
  revision: number;
  created: string;
  modified: string;
  json: string | null;
}

interface Pending {
  readonly write: TwinWrite;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

function policyOfRow(row: Row): PolicyRecord {
  return { policyId: row.id, policy: row.json === null ? undefined : (JSON.parse(row.json) as JsonObject), revision: row.revision, created: row.created, modified: row.modified };
}

function rowOfThing(record: ThingRecord): RecordRow {
  return [record.thingId, record.revision, record.created, record.modified, record.thing === undefined ? null : JSON.stringify(record.thing)];
}

function rowOfPolicy(record: PolicyRecord): RecordRow {
  return [record.policyId, record.revision, record.created, record.modified, record.policy === undefined ? null : JSON.stringify(record.policy)];
}

/**
 * The embedded {@link TwinStore}: SQLite in WAL mode with `synchronous=FULL`, so a committed
 * transaction survives power loss. A worker thread owns the writing connection, so commits and their
 * fsync run off the event loop; reads use a connection of their own. Writes use group commit: one
 * batch at a time goes to the writer, and every write arriving meanwhile joins the next batch, so
 * batches grow with the load. Within a batch, only the last record of each thing and policy is
 * written. Each write's promise resolves only after its batch committed. Hot things and policies
 * stay in an LRU cache; writes are readable from memory before they are committed.
 */
export class SqliteTwinStore implements TwinStore {
  private readonly db: Database.Database;
  private readonly statements: Record<'thing' | 'policy' | 'expiringPolicies', Database.Statement>;
  private readonly writer: SqliteWriter;
  private readonly things: LruCache<string, ThingRecord>;
  private readonly policies: LruCache<string, PolicyRecord>;
  private readonly dirtyThings = new Map<string, ThingRecord>();
  private readonly dirtyPolicies = new Map<string, PolicyRecord>();
  private pending: Pending[] = [];
  private inFlight: Promise<void> | undefined;
  private scheduled = false;
  private closed = false;
  private writes = 0;
  private transactions = 0;

  constructor(options: SqliteTwinStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > TWIN_SCHEMA_VERSION) {
      this.db.close();
      throw new Error(`The twin store ${options.file} has schema version ${version}; this release reads up to ${TWIN_SCHEMA_VERSION}.`);
    }
    this.db.exec(TWIN_SCHEMA_SQL);
    this.db.pragma(`user_version = ${TWIN_SCHEMA_VERSION}`);
    this.statements = {
      thing: this.db.prepare('SELECT thing_id AS id, revision, created, modified, thing AS json FROM things WHERE thing_id = ?'),
      policy: this.db.prepare('SELECT policy_id AS id, revision, created, modified, policy AS json FROM policies WHERE policy_id = ?'),
      // A cheap text match narrows the scan; the JSON check in expiringPolicies() decides.
      expiringPolicies: this.db.prepare(`SELECT policy_id AS id, revision, created, modified, policy AS json FROM policies WHERE instr(policy, '"expiry"') > 0`),
    };
    // Started once the schema exists, so opening errors surface here, synchronously.
    this.writer = new SqliteWriter(options.file);
    const capacity = options.cacheSize ?? 10_000;
    this.things = new LruCache(capacity);
    this.policies = new LruCache(capacity);
  }

  thing(thingId: string): ThingRecord | undefined {
    const known = this.dirtyThings.get(thingId) ?? this.things.get(thingId);
    if (known !== undefined) return known;
    const row = this.statements.thing.get(thingId) as Row | undefined;
    if (row === undefined) return undefined;
    const record: ThingRecord = {
      thingId,
      thing: row.json === null ? undefined : (JSON.parse(row.json) as JsonObject),
      revision: row.revision,
      created: row.created,
      modified: row.modified,
      sizeBound: row.json?.length ?? 0,
    };
    this.things.set(thingId, record);
    return record;
  }

  policy(policyId: string): PolicyRecord | undefined {
    const known = this.dirtyPolicies.get(policyId) ?? this.policies.get(policyId);
    if (known !== undefined) return known;
    const row = this.statements.policy.get(policyId) as Row | undefined;
    if (row === undefined) return undefined;
    const record = policyOfRow(row);
    this.policies.set(policyId, record);
    return record;
  }

  *expiringPolicies(): Iterable<PolicyRecord> {
    for (const row of this.statements.expiringPolicies.all() as Row[]) {
      const record = this.dirtyPolicies.get(row.id) ?? this.policies.get(row.id) ?? policyOfRow(row);
      if (hasExpiringSubject(record.policy)) yield record;
    }
  }

  write(write: TwinWrite): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The twin store is closed.'));
    if (write.thing !== undefined) this.dirtyThings.set(write.thing.thingId, write.thing);
    if (write.policy !== undefined) this.dirtyPolicies.set(write.policy.policyId, write.policy);
    this.writes++;
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      this.schedule();
    });
  }

  stats(): TwinStoreStats {
    return { writes: this.writes, transactions: this.transactions };
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.inFlight !== undefined || this.pending.length > 0) {
      this.flush();
      await this.inFlight;
    }
    // The writer closes last, so the final WAL checkpoint runs in its thread too.
    this.db.close();
    await this.writer.close();
  }

  /** Sends the pending writes on the next turn, so the writes of this turn join them, unless a batch is in flight. */
  private schedule(): void {
    if (this.scheduled || this.inFlight !== undefined || this.pending.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.inFlight !== undefined || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.inFlight = this.commitBatch(batch).finally(() => {
      this.inFlight = undefined;
      this.schedule();
    });
  }

  private async commitBatch(batch: readonly Pending[]): Promise<void> {
    try {
      await this.commit(batch);
    } catch (error) {
      // The writes that arrived meanwhile may build on the failed records, so they fail too.
      const failed = [...batch, ...this.pending];
      this.pending = [];
      for (const item of failed) {
        this.settle(item.write, false);
        item.reject(error);
      }
      return;
    }
    this.transactions++;
    for (const item of batch) {
      this.settle(item.write, true);
      item.resolve();
    }
  }

  /** Serialises a batch, keeping the last record of each thing and policy, and commits it in the writer thread. */
  private commit(batch: readonly Pending[]): Promise<void> {
    const things = new Map<string, ThingRecord>();
    const policies = new Map<string, PolicyRecord>();
    for (const { write } of batch) {
      if (write.thing !== undefined) things.set(write.thing.thingId, write.thing);
      if (write.policy !== undefined) policies.set(write.policy.policyId, write.policy);
    }
    return this.writer.commit({ things: Array.from(things.values(), rowOfThing), policies: Array.from(policies.values(), rowOfPolicy) });
  }

  /**
   * Caches a committed record — batch order leaves the last one of each thing and policy — or forgets a
   * failed one; either leaves the dirty maps unless a later write replaced the record there.
   */
  private settle(write: TwinWrite, committed: boolean): void {
    const { thing, policy } = write;
    if (thing !== undefined) {
      if (committed) this.things.set(thing.thingId, thing);
      if (this.dirtyThings.get(thing.thingId) === thing) this.dirtyThings.delete(thing.thingId);
    }
    if (policy !== undefined) {
      if (committed) this.policies.set(policy.policyId, policy);
      if (this.dirtyPolicies.get(policy.policyId) === policy) this.dirtyPolicies.delete(policy.policyId);
    }
  }
}
