/**
 * Whether an instance is alive, as PostgreSQL sees it: each instance holds a session-level
 * advisory lock on (INSTANCE_LOCK, hashtext(instance id)) on one connection taken out of the pool
 * for as long as it runs. The server drops the lock the moment that session ends (the process
 * killed, even with kill -9; the connection terminated), so another instance reads "is the
 * instance holding this claim still there?" in pg_locks (`claimantGone`) and takes over its
 * outbox claims at once instead of waiting for their lease to run out.
 *
 * A host that vanishes without closing its connections keeps its lock until the server notices
 * (TCP keepalive): then the lease is what frees its claims. A lost liveness connection is noticed
 * (its 'error' and 'end' events: never an unhandled 'error', which would end the process), logged,
 * and the lock taken again after `retryMs`; until then this instance's claims may be taken over
 * (delivery is at-least-once; the idempotency key keeps each effect once).
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Logger } from "../../domain/logger.js";
import type { Database } from "./database.js";

/**
 * The first key of every instance's liveness lock (the second is the instance id's hashtext):
 * a constant of its own, apart from the migration, audit chain and alumni locks.
 */
export const INSTANCE_LOCK = 72_630_416;

/**
 * SQL true when no session holds the liveness lock of the instance named by `instanceId` (an SQL
 * expression): the instance is gone. A two-key advisory lock shows in pg_locks as classid = the
 * first key, objid = the second as an unsigned oid, objsubid = 2 (checked against PostgreSQL 15).
 */
export function claimantGone(instanceId: string): string {
  return `NOT EXISTS (
    SELECT 1 FROM pg_locks l
     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid = ${INSTANCE_LOCK}::oid AND l.objid = hashtext(${instanceId})::oid)`;
}

export interface InstanceLiveness {
  /** This instance, as its claims name it. */
  readonly instanceId: string;
  /** True while the lock is held (false while the connection is being opened again). */
  held(): boolean;
  /** Releases the lock and its connection (before the pool is closed). */
  close(): Promise<void>;
}

export interface InstanceLivenessOptions {
  /** Default: a random id per process (a restarted instance is a new one). */
  instanceId?: string;
  /** How long after a lost connection the lock is taken again (default 1 s). */
  retryMs?: number;
}

/**
 * Takes this instance's liveness lock before it returns (when the database answers; otherwise it
 * keeps trying in the background) and holds it until `close`.
 */
export async function holdInstanceLiveness(
  db: Database,
  logger: Logger,
  options: InstanceLivenessOptions = {},
): Promise<InstanceLiveness> {
  const instanceId = options.instanceId ?? randomUUID();
  const retryMs = options.retryMs ?? 1000;
  let closed = false;
  let client: pg.PoolClient | undefined;
  let locked = false;
  let timer: NodeJS.Timeout | undefined;
  /** Logged once per outage, not at every retry. */
  let failing = false;

  const later = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void acquire(), retryMs);
    timer.unref();
  };

  const lost = (c: pg.PoolClient, e?: Error) => {
    if (client !== c) return;
    client = undefined;
    locked = false;
    // Destroyed, never handed on: a pooled connection must not carry the lock to another caller.
    c.release(e ?? new Error("liveness connection lost"));
    if (closed) return;
    if (!failing)
      logger.warn(
        { database: db.where, instanceId, err: e?.message },
        "instance liveness lock lost or not granted; taking it again shortly",
      );
    failing = true;
    later();
  };

  async function acquire(): Promise<void> {
    if (closed || client) return;
    let c: pg.PoolClient;
    try {
      c = await db.pool.connect();
    } catch (e) {
      if (!failing)
        logger.warn(
          { database: db.where, instanceId, err: (e as Error).message },
          "instance liveness lock not taken; trying again",
        );
      failing = true;
      later();
      return;
    }
    client = c;
    c.on("error", (e) => lost(c, e));
    c.on("end", () => lost(c));
    try {
      const { rows } = await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [
        INSTANCE_LOCK,
        instanceId,
      ]);
      if (client !== c) return;
      if (closed) {
        client = undefined;
        c.release(true);
        return;
      }
      // Not granted: another live instance's id has the same hash (or this id is used twice).
      // Its claims stay safe; this instance's claims are left to the lease until the lock is free.
      if (!rows[0]?.ok) throw new Error("the lock is held by another session");
      locked = true;
      if (failing) logger.info({ database: db.where, instanceId }, "instance liveness lock taken again");
      failing = false;
    } catch (e) {
      lost(c, e as Error);
    }
  }

  await acquire();
  return {
    instanceId,
    held: () => locked,
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = undefined;
      locked = false;
      // Destroying the connection ends the session, which releases the lock.
      c?.release(true);
    },
  };
}
