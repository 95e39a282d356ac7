import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { JsonObject } from '@twinlink/core';
import { hasExpiringSubject } from '../expiry/tracked-subjects.js';
import { LruCache } from './lru-cache.js';
import { TWIN_SCHEMA_SQL, TWIN_SCHEMA_VERSION } from './sqlite-schema.js';
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

/**
 * The embedded {@link TwinStore}: SQLite in WAL mode with `synchronous=FULL`, so a committed
 * transaction survives power loss. Writes use group commit: every write arriving while the event
 * loop is busy joins one transaction (one fsync) that runs on the next turn, and each write's
 * promise resolves only after that commit. Hot things and policies stay in an LRU cache; writes
 * are readable from memory before they are committed.
 */
export class SqliteTwinStore implements TwinStore {
  private readonly db: Database.Database;
  private readonly statements: Record<'thing' | 'policy' | 'expiringPolicies' | 'putThing' | 'putPolicy', Database.Statement>;
  private readonly commit: (batch: readonly Pending[]) => void;
  private readonly things: LruCache<string, ThingRecord>;
  private readonly policies: LruCache<string, PolicyRecord>;
  private readonly dirtyThings = new Map<string, ThingRecord>();
  private readonly dirtyPolicies = new Map<string, PolicyRecord>();
  private pending: Pending[] = [];
  private scheduled = false;
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
      putThing: this.db.prepare(
        'INSERT INTO things (thing_id, revision, created, modified, thing) VALUES (?, ?, ?, ?, ?) ' +
          'ON CONFLICT(thing_id) DO UPDATE SET revision = excluded.revision, created = excluded.created, modified = excluded.modified, thing = excluded.thing',
      ),
      putPolicy: this.db.prepare(
        'INSERT INTO policies (policy_id, revision, created, modified, policy) VALUES (?, ?, ?, ?, ?) ' +
          'ON CONFLICT(policy_id) DO UPDATE SET revision = excluded.revision, created = excluded.created, modified = excluded.modified, policy = excluded.policy',
      ),
    };
    this.commit = this.db.transaction((batch: readonly Pending[]) => {
      for (const { write } of batch) {
        if (write.policy !== undefined) this.putPolicy(write.policy);
        if (write.thing !== undefined) this.putThing(write.thing);
      }
    });
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
    if (write.thing !== undefined) this.dirtyThings.set(write.thing.thingId, write.thing);
    if (write.policy !== undefined) this.dirtyPolicies.set(write.policy.policyId, write.policy);
    this.writes++;
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  stats(): TwinStoreStats {
    return { writes: this.writes, transactions: this.transactions };
  }

  async close(): Promise<void> {
    this.flush();
    this.db.close();
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    try {
      this.commit(batch);
      this.transactions++;
    } catch (error) {
      for (const item of batch) {
        this.settle(item.write, false);
        item.reject(error);
      }
      return;
    }
    for (const item of batch) {
      this.settle(item.write, true);
      item.resolve();
    }
  }

  /** Moves committed records from the dirty maps to the cache, or forgets failed ones (unless a later write replaced them). */
  private settle(write: TwinWrite, committed: boolean): void {
    const { thing, policy } = write;
    if (thing !== undefined && this.dirtyThings.get(thing.thingId) === thing) {
      this.dirtyThings.delete(thing.thingId);
      if (committed) this.things.set(thing.thingId, thing);
    }
    if (policy !== undefined && this.dirtyPolicies.get(policy.policyId) === policy) {
      this.dirtyPolicies.delete(policy.policyId);
      if (committed) this.policies.set(policy.policyId, policy);
    }
  }

  private putThing(record: ThingRecord): void {
    const json = record.thing === undefined ? null : JSON.stringify(record.thing);
    this.statements.putThing.run(record.thingId, record.revision, record.created, record.modified, json);
  }

  private putPolicy(record: PolicyRecord): void {
    const json = record.policy === undefined ? null : JSON.stringify(record.policy);
    this.statements.putPolicy.run(record.policyId, record.revision, record.created, record.modified, json);
  }
}
