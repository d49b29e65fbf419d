/**
 * The outbox in PostgreSQL, shared by every instance.
 *
 * - `commit` writes a confirmed cancellation, its services and its items in one transaction.
 *   `cancelled_services` has the service as primary key: of two confirmations of one service
 *   (two conversations, two instances, the same moment) one commits and the other fails on the
 *   key, rolls back entirely and is handed the earlier cancellation.
 * - `due` claims what it returns: the rows are locked `FOR UPDATE SKIP LOCKED` and leased to
 *   this instance for `leaseMs` (PostgreSQL's clock), so another instance's dispatcher skips
 *   them. An instance that holds its liveness lock (instanceLiveness; every running instance
 *   does) takes over at once the claims of an instance whose lock is gone (killed, even with
 *   kill -9, or its connection lost), without waiting for the lease; the lease remains the
 *   fallback (a host that vanished without closing its connection, an outbox with no liveness
 *   lock). Either way the item is attempted again: delivery is at-least-once, and the
 *   idempotency key makes its effect happen once.
 * - An item's changes (delivered, attempt failed) are computed by the same code as the embedded
 *   outbox's (`applyEvent`), on the row locked in the transaction.
 */
import { randomUUID } from "node:crypto";
import { deepFreeze } from "../../domain/deepFreeze.js";
import { StoreError } from "../../domain/ports.js";
import {
  type CommitResult,
  ConfirmedCancellation,
  type StoredCancellation,
} from "../../execution/confirmedCancellation.js";
import { type NewOutboxItem, OutboxItem } from "../../execution/outboxItem.js";
import { applyEvent, type OutboxEvent } from "../../execution/outboxLog.js";
import type { ActionResult, OutboxStore } from "../../execution/ports.js";
import type { Database, Queryable } from "./database.js";
import { isUniqueViolation } from "./databaseErrors.js";
import { claimantGone, type InstanceLiveness } from "./instanceLiveness.js";
import { readDocument } from "./jsonDocument.js";

export interface PgOutboxOptions {
  /**
   * This instance's liveness lock: its claims are taken over as soon as the lock is gone, and it
   * takes over the claims of instances whose lock is gone. Without one (tests, tools), claims are
   * freed by their lease only, and this outbox's own claims look gone to an outbox that has one.
   */
  liveness?: InstanceLiveness;
  /** This instance, as claims name it (default: the liveness lock's id, else a random id per process). */
  instanceId?: string;
  /** How long a claimed item is left to this instance when nothing says it is gone (default 60 s). */
  leaseMs?: number;
}

const readItem = (text: string, id: string) =>
  readDocument<OutboxItem>(OutboxItem, text, `outbox item ${id}`);

function readCancellation(doc: string, recorded: boolean, conversationId: string): StoredCancellation {
  const c = readDocument<ConfirmedCancellation>(
    ConfirmedCancellation,
    doc,
    `cancellation of conversation ${conversationId}`,
  );
  return deepFreeze({ ...c, recorded });
}

/** An item as first stored: pending, never attempted (the embedded outbox's shape exactly). */
function newItem(item: NewOutboxItem, now: Date): OutboxItem {
  const { after, ...rest } = item;
  return {
    ...rest,
    ...(after && after.length > 0 ? { after } : {}),
    createdAt: now.toISOString(),
    status: "pending",
    attempts: 0,
    nextAttemptAt: item.dueAt,
  };
}

async function insertItems(client: Queryable, items: readonly OutboxItem[]): Promise<void> {
  if (items.length === 0) return;
  await client.query(
    `INSERT INTO outbox_items (id, conversation_id, status, attempts, due_at, next_attempt_at, created_at, after_ids, item)
     SELECT i.id, i.conversation_id, 'pending', 0, i.due_at, i.due_at, i.created_at,
            coalesce((SELECT array_agg(a) FROM json_array_elements_text(i.after_ids::json) a), '{}'), i.item
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[])
            AS i(id, conversation_id, due_at, created_at, after_ids, item)
     ON CONFLICT (id) DO NOTHING`,
    [
      items.map((i) => i.id),
      items.map((i) => i.conversationId ?? null),
      items.map((i) => i.dueAt),
      items.map((i) => i.createdAt),
      items.map((i) => JSON.stringify(i.after ?? [])),
      items.map((i) => JSON.stringify(i)),
    ],
  );
}

/**
 * The answer to a commit that finds an earlier cancellation. The conversation's own one, not yet
 * recorded, means another instance is running a turn of this conversation right now (within one
 * instance turns of a conversation run one at a time, and a crashed turn is recovered before the
 * next): that is a lost race, a `StoreError("conflict")` whose retry recovers the committed
 * cancellation into the transcript and the audit log, not "already cancelled" told from a turn
 * that then marks another turn's cancellation recorded.
 */
function refused(cancellation: ConfirmedCancellation, existing: StoredCancellation): CommitResult {
  if (existing.conversationId === cancellation.conversationId && !existing.recorded)
    throw new StoreError(
      "conflict",
      `conversation ${cancellation.conversationId}: its cancellation is being confirmed by another turn; retry the turn`,
    );
  return { committed: false, existing };
}

export class PgOutbox implements OutboxStore {
  private readonly instanceId: string;
  private readonly leaseMs: number;
  private readonly takesOver: boolean;

  constructor(
    private readonly db: Database,
    options: PgOutboxOptions = {},
  ) {
    if (options.liveness && options.instanceId && options.instanceId !== options.liveness.instanceId)
      throw new Error("PgOutbox: instanceId differs from the liveness lock's instance id");
    this.instanceId = options.liveness?.instanceId ?? options.instanceId ?? randomUUID();
    this.leaseMs = options.leaseMs ?? 60_000;
    this.takesOver = options.liveness !== undefined;
  }

  async enqueue(item: NewOutboxItem, now: Date): Promise<OutboxItem> {
    await this.db.transaction("enqueueing an outbox item", (client) =>
      insertItems(client, [newItem(item, now)]),
    );
    // The earlier item when the id was there already.
    return (await this.get(item.id))!;
  }

  /**
   * Pending items whose time has come and whose dependencies are delivered, oldest first,
   * claimed for this instance: none that another instance holds a live claim on (its lease has
   * not run out and, when this outbox holds a liveness lock, its instance's lock is held).
   */
  async due(now: Date, filter: { conversationId?: string } = {}): Promise<OutboxItem[]> {
    const { rows } = await this.db.query<{ id: string; item: string }>(
      "claiming due outbox items",
      `WITH due AS (
         SELECT o.id FROM outbox_items o
          WHERE o.status = 'pending'
            AND ($2::text IS NULL OR o.conversation_id = $2)
            AND ((o.attempts = 0 AND o.due_at <= o.created_at) OR (o.due_at <= $1 AND o.next_attempt_at <= $1))
            AND (o.claimed_until IS NULL OR o.claimed_until < clock_timestamp() OR o.claimed_by = $3
                 OR ($5::boolean AND ${claimantGone("o.claimed_by")}))
            AND NOT EXISTS (
              SELECT 1 FROM unnest(o.after_ids) AS d(id)
               LEFT JOIN outbox_items x ON x.id = d.id
               WHERE x.status IS DISTINCT FROM 'delivered')
          ORDER BY o.due_at, o.enqueued
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE outbox_items o
            SET claimed_by = $3, claimed_until = clock_timestamp() + make_interval(secs => $4::double precision / 1000)
           FROM due WHERE o.id = due.id
         RETURNING o.id, o.item, o.due_at, o.enqueued)
       SELECT id, item FROM claimed ORDER BY due_at, enqueued`,
      [now.toISOString(), filter.conversationId ?? null, this.instanceId, this.leaseMs, this.takesOver],
    );
    return rows.map((r) => readItem(r.item, r.id));
  }

  markDelivered(id: string, result: ActionResult, at: Date): Promise<void> {
    return this.change(id, { event: "delivered", id, at: at.toISOString(), result: { ...result } });
  }

  markAttemptFailed(id: string, error: string, at: Date): Promise<void> {
    return this.change(id, { event: "attempt_failed", id, at: at.toISOString(), error });
  }

  /** Applies `event` to the locked row, as the embedded outbox applies it, and releases the claim. */
  private async change(id: string, event: OutboxEvent): Promise<void> {
    await this.db.transaction("updating an outbox item", async (client) => {
      const { rows } = await client.query<{ item: string }>(
        "SELECT item FROM outbox_items WHERE id = $1 FOR UPDATE",
        [id],
      );
      if (!rows[0]) return;
      const items = new Map([[id, readItem(rows[0].item, id)]]);
      applyEvent(items, event);
      const next = items.get(id)!;
      await client.query(
        `UPDATE outbox_items SET status = $2, attempts = $3, next_attempt_at = $4, item = $5,
                claimed_by = NULL, claimed_until = NULL WHERE id = $1`,
        [id, next.status, next.attempts, next.nextAttemptAt, JSON.stringify(next)],
      );
    });
  }

  async list(filter: { status?: OutboxItem["status"]; conversationId?: string } = {}): Promise<OutboxItem[]> {
    const { rows } = await this.db.query<{ id: string; item: string }>(
      "listing outbox items",
      `SELECT id, item FROM outbox_items
        WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR conversation_id = $2)
        ORDER BY enqueued`,
      [filter.status ?? null, filter.conversationId ?? null],
    );
    return rows.map((r) => readItem(r.item, r.id));
  }

  async get(id: string): Promise<OutboxItem | undefined> {
    const { rows } = await this.db.query<{ item: string }>(
      "reading an outbox item",
      "SELECT item FROM outbox_items WHERE id = $1",
      [id],
    );
    return rows[0] ? readItem(rows[0].item, id) : undefined;
  }

  async commit(
    cancellation: ConfirmedCancellation,
    items: readonly NewOutboxItem[],
    now: Date,
  ): Promise<CommitResult> {
    const serviceIds = cancellation.services.map((s) => s.serviceId);
    const earlier = async (): Promise<StoredCancellation | undefined> =>
      (await this.cancellationOf(cancellation.conversationId)) ??
      (await this.cancellationsOfServices(serviceIds))[0];
    const before = await earlier();
    if (before) return refused(cancellation, before);
    try {
      await this.db.transaction("committing a confirmed cancellation", async (client) => {
        await client.query("INSERT INTO cancellations (conversation_id, doc) VALUES ($1, $2)", [
          cancellation.conversationId,
          JSON.stringify(cancellation),
        ]);
        await client.query(
          `INSERT INTO cancelled_services (service_id, conversation_id) SELECT unnest($1::text[]), $2`,
          [serviceIds, cancellation.conversationId],
        );
        await insertItems(
          client,
          items.map((i) => newItem(i, now)),
        );
      });
    } catch (e) {
      // The unique key of a service or conversation: another confirmation committed first.
      const lost = isUniqueViolation(e) || (e instanceof StoreError && e.code === "conflict");
      const existing = lost ? await earlier() : undefined;
      if (existing) return refused(cancellation, existing);
      throw e;
    }
    return {
      committed: true,
      cancellation: deepFreeze({ ...structuredClone(cancellation), recorded: false }),
    };
  }

  async markRecorded(conversationId: string, _at: Date): Promise<void> {
    await this.db.query(
      "marking a cancellation recorded",
      "UPDATE cancellations SET recorded = true WHERE conversation_id = $1 AND NOT recorded",
      [conversationId],
    );
  }

  async cancellationOf(conversationId: string): Promise<StoredCancellation | undefined> {
    const { rows } = await this.db.query<{ doc: string; recorded: boolean }>(
      "reading a cancellation",
      "SELECT doc, recorded FROM cancellations WHERE conversation_id = $1",
      [conversationId],
    );
    return rows[0] ? readCancellation(rows[0].doc, rows[0].recorded, conversationId) : undefined;
  }

  async cancellationsOfServices(serviceIds: readonly string[]): Promise<StoredCancellation[]> {
    if (serviceIds.length === 0) return [];
    const { rows } = await this.db.query<{ conversation_id: string; doc: string; recorded: boolean }>(
      "reading the cancellations of services",
      `SELECT c.conversation_id, c.doc, c.recorded FROM cancellations c
        WHERE c.conversation_id IN (SELECT conversation_id FROM cancelled_services WHERE service_id = ANY($1::text[]))
        ORDER BY c.committed`,
      [[...serviceIds]],
    );
    return rows.map((r) => readCancellation(r.doc, r.recorded, r.conversation_id));
  }

  async unrecorded(): Promise<StoredCancellation[]> {
    const { rows } = await this.db.query<{ conversation_id: string; doc: string; recorded: boolean }>(
      "reading unrecorded cancellations",
      "SELECT conversation_id, doc, recorded FROM cancellations WHERE NOT recorded ORDER BY committed",
    );
    return rows.map((r) => readCancellation(r.doc, r.recorded, r.conversation_id));
  }
}
