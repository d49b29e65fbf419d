/**
 * Rate limits shared by every instance, at a cost that does not grow with the request rate.
 *
 * Each instance decides at once, from token buckets in its own memory (memory/memoryRateBuckets),
 * and every `syncMs` (default 250 ms) syncs them with one shared bucket per (limit, key) in
 * PostgreSQL, in ONE statement for every key touched since the last sync: it adds this instance's
 * takes to the shared buckets (refilled with PostgreSQL's clock, so instances whose clocks
 * disagree still count together) and returns each key's shared tokens; the local bucket becomes
 * those tokens less what this instance took while the statement was in flight. Keys touched in
 * the last REFRESH_SYNCS syncs but not since are read in the same statement (no write), so an
 * instance's view of a key in use stays one interval old. A thousand requests a second from one
 * address (Azure Bot Service, a corporate NAT) are four row updates a second per instance, not a
 * thousand, and never a queue on that row's lock.
 *
 * The bound: between two syncs an instance decides alone, so the deployment admits at most the
 * limit plus what each instance admits for the key in one interval (limit + instances × requests
 * in 250 ms); what went over is owed (a shared bucket goes down to minus one minute's worth) and
 * refused until it has refilled.
 *
 * Keys (client addresses, conversation ids) are stored as HMAC-SHA256 with the deployment's
 * secret, never in clear. A bucket idle for a minute is full again, so rows idle for two minutes
 * are deleted (at most once a minute per instance) without changing any answer.
 *
 * PostgreSQL unreachable: the local buckets go on deciding (the limit is then per instance, as on
 * one instance), a warning is logged at most once a minute, and the next interval tries again;
 * nothing is thrown into a request. Takes of a failed sync are not sent again (the local buckets
 * still count them): after an outage the shared buckets forgive what was taken during it.
 */
import { createHmac } from "node:crypto";
import type { Logger } from "../../domain/logger.js";
import type { RateBucketStore, RateBuckets } from "../../domain/rateBuckets.js";
import { TokenBuckets } from "../memory/memoryRateBuckets.js";
import type { Database } from "./database.js";
import { isUnavailable } from "./databaseErrors.js";

/** A bucket idle this long has refilled (a minute) with a margin: its row can go. */
const IDLE_INTERVAL = "2 minutes";
const PURGE_EVERY_MS = 60_000;
const WARN_EVERY_MS = 60_000;
/** A key touched in this many syncs back is read at every sync even when not touched since. */
const REFRESH_SYNCS = 8;
/** Keys remembered per limit for syncing, at most (as many as the local buckets). */
const MAX_KEYS = 50_000;
export const DEFAULT_SYNC_MS = 250;

/**
 * $1-$4: the keys this instance took from (limit, key hash, per minute, requests taken), added
 * in a fixed order (no deadlock between instances); $5-$6: keys only to read. Returns each key's
 * shared tokens now.
 */
const SYNC = `
WITH taken AS (
  INSERT INTO rate_buckets AS b (limit_name, key_hash, per_minute, tokens, updated_at)
  SELECT t.limit_name, t.key_hash, t.per_minute, t.per_minute - t.taken, clock_timestamp()
  FROM unnest($1::text[], $2::bytea[], $3::float8[], $4::float8[]) AS t(limit_name, key_hash, per_minute, taken)
  ORDER BY t.limit_name, t.key_hash
  ON CONFLICT (limit_name, key_hash) DO UPDATE SET
    tokens = GREATEST(
      -EXCLUDED.per_minute,
      LEAST(EXCLUDED.per_minute,
        b.tokens + GREATEST(0, EXTRACT(EPOCH FROM EXCLUDED.updated_at - b.updated_at)::float8) * EXCLUDED.per_minute / 60)
      - (EXCLUDED.per_minute - EXCLUDED.tokens)),
    per_minute = EXCLUDED.per_minute,
    updated_at = GREATEST(b.updated_at, EXCLUDED.updated_at)
  RETURNING b.limit_name, b.key_hash, b.tokens
)
SELECT limit_name, key_hash, tokens FROM taken
UNION ALL
SELECT b.limit_name, b.key_hash,
  LEAST(b.per_minute, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM clock_timestamp() - b.updated_at)::float8) * b.per_minute / 60)
FROM unnest($5::text[], $6::bytea[]) AS r(limit_name, key_hash)
JOIN rate_buckets b ON b.limit_name = r.limit_name AND b.key_hash = r.key_hash`;

const PURGE = `DELETE FROM rate_buckets WHERE ctid IN (
  SELECT ctid FROM rate_buckets WHERE updated_at < now() - interval '${IDLE_INTERVAL}' LIMIT 10000)`;

export interface PgRateBucketOptions {
  /** The deployment's secret (FAIREXIT_SECRET): keys are stored as HMACs with it. */
  secret: string;
  logger: Logger;
  /** How often to sync with the other instances, ms (default 250); 0: only when `sync()` is called. */
  syncMs?: number;
  /** Wall-clock ms, for when to purge and warn (default Date.now). */
  now?: () => number;
}

/** What one sync sends and reads: arrays for the statement, and which local bucket each row is for. */
interface Batch {
  takenLimits: string[];
  takenHashes: Buffer[];
  perMinute: number[];
  taken: number[];
  readLimits: string[];
  readHashes: Buffer[];
  buckets: Map<string, { limit: SharedLimit; key: string }>;
}

const rowId = (limit: string, hash: Buffer) => `${limit}:${hash.toString("hex")}`;

/** One named limit as this instance sees it: local buckets, and what the next sync must send. */
class SharedLimit implements RateBuckets {
  readonly local: TokenBuckets;
  /** Requests allowed per key since the last sync began (0: touched, only refused). */
  pending = new Map<string, number>();
  /** Keys in the order they were last touched: the sync in which, and their HMAC. */
  private readonly touched = new Map<string, { sync: number; hash: Buffer }>();

  constructor(
    readonly name: string,
    readonly perMinute: number,
    private readonly syncs: { count: number; hash(key: string): Buffer },
  ) {
    this.local = new TokenBuckets(perMinute, undefined, MAX_KEYS);
  }

  take(key: string): number {
    const wait = this.local.take(key);
    this.pending.set(key, (this.pending.get(key) ?? 0) + (wait === 0 ? 1 : 0));
    const known = this.touched.get(key);
    if (known) this.touched.delete(key);
    else if (this.touched.size >= MAX_KEYS) this.touched.delete(this.touched.keys().next().value!);
    this.touched.set(key, { sync: this.syncs.count, hash: known?.hash ?? this.syncs.hash(key) });
    return wait;
  }

  /** Moves what is pending into `batch`, with the recently touched keys to read. */
  sendInto(batch: Batch): void {
    const sent = this.pending;
    this.pending = new Map();
    for (const [key, entry] of this.touched) {
      if (entry.sync >= this.syncs.count - REFRESH_SYNCS) break;
      this.touched.delete(key);
    }
    for (const [key, { hash }] of this.touched) {
      const taken = sent.get(key) ?? 0;
      if (taken > 0) {
        batch.takenLimits.push(this.name);
        batch.takenHashes.push(hash);
        batch.perMinute.push(this.perMinute);
        batch.taken.push(taken);
      } else {
        batch.readLimits.push(this.name);
        batch.readHashes.push(hash);
      }
      batch.buckets.set(rowId(this.name, hash), { limit: this, key });
    }
  }

  /** The shared bucket holds `tokens`: so does the local one, less what was taken here since the sync began. */
  shared(key: string, tokens: number): void {
    this.local.set(key, tokens - (this.pending.get(key) ?? 0));
  }
}

/** Buckets for every limit, shared through PostgreSQL, synced every `syncMs` in the background. */
export function pgRateBuckets(db: Database, options: PgRateBucketOptions): RateBucketStore {
  return new PgRateBucketStore(db, options);
}

class PgRateBucketStore implements RateBucketStore {
  private readonly limits = new Map<string, SharedLimit>();
  private readonly syncs: { count: number; hash(key: string): Buffer };
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;
  private lastPurge: number;
  private lastWarning = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Database,
    private readonly options: PgRateBucketOptions,
  ) {
    const hashKey = createHmac("sha256", options.secret).update("fairexit rate limit keys v1").digest();
    this.syncs = { count: 0, hash: (key) => createHmac("sha256", hashKey).update(key).digest() };
    this.now = options.now ?? (() => Date.now());
    this.lastPurge = this.now();
    const every = options.syncMs ?? DEFAULT_SYNC_MS;
    if (every > 0) {
      this.timer = setInterval(() => {
        if (!this.running) void this.sync();
      }, every);
      this.timer.unref();
    }
  }

  limit(name: string, perMinute: number): RateBuckets {
    const known = this.limits.get(name);
    if (known && known.perMinute !== perMinute)
      throw new Error(`rate limit ${name} is already ${known.perMinute} a minute, not ${perMinute}`);
    const limit = known ?? new SharedLimit(name, perMinute, this.syncs);
    this.limits.set(name, limit);
    return limit;
  }

  sync(): Promise<void> {
    if (this.closed) return this.running ?? Promise.resolve();
    const next = (this.running ?? Promise.resolve()).then(() => this.syncOnce());
    this.running = next;
    void next.then(() => {
      if (this.running === next) this.running = undefined;
    });
    return next;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Never rejects: a failure is logged (at most once a minute) and the next interval tries again. */
  private async syncOnce(): Promise<void> {
    try {
      await this.exchange();
    } catch (e) {
      this.failed(e);
    }
  }

  /** One statement for every key touched since the last sync (none when nothing was). */
  private async exchange(): Promise<void> {
    const batch: Batch = {
      takenLimits: [],
      takenHashes: [],
      perMinute: [],
      taken: [],
      readLimits: [],
      readHashes: [],
      buckets: new Map(),
    };
    for (const limit of this.limits.values()) limit.sendInto(batch);
    this.syncs.count += 1;
    if (batch.buckets.size === 0) return;
    const { rows } = await this.db.query<{ limit_name: string; key_hash: Buffer; tokens: number }>(
      "syncing the rate limit buckets",
      SYNC,
      [
        batch.takenLimits,
        batch.takenHashes,
        batch.perMinute,
        batch.taken,
        batch.readLimits,
        batch.readHashes,
      ],
    );
    for (const row of rows) {
      const bucket = batch.buckets.get(rowId(row.limit_name, row.key_hash));
      bucket?.limit.shared(bucket.key, Number(row.tokens));
    }
    await this.maybePurge();
  }

  private async maybePurge(): Promise<void> {
    if (this.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = this.now();
    await this.db.query("purging idle rate limit buckets", PURGE).catch(() => {});
  }

  private failed(e: unknown): void {
    if (this.now() - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = this.now();
    const err = (e as Error).message;
    if (isUnavailable(e))
      this.options.logger.warn(
        { err },
        "rate limits: PostgreSQL unreachable, counting in this instance's memory until it is back",
      );
    else
      this.options.logger.error({ err }, "rate limits: syncing with PostgreSQL failed, counting in memory");
  }
}
