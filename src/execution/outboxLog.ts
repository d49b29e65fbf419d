/**
 * The outbox kept as an append-only event log (enqueued, committed, recorded, delivered,
 * attempt_failed) replayed into memory. `committed` is one line holding a confirmed
 * cancellation and all its items: they become durable together, before any is delivered.
 * The memory adapter (src/adapters/memory/memoryOutbox.ts) keeps the events in an array; the
 * file adapter appends them to a JSON Lines file, so each change costs one appended line. Items and events are
 * frozen all the way down and handed out as they are (see domain/deepFreeze): a caller cannot
 * change what is stored, and nothing is copied per read.
 */
import { z } from "zod";
import { IsoDateTime } from "../domain/customer.js";
import { deepFreeze, frozenCopy } from "../domain/deepFreeze.js";
import { referenceFor } from "./cancellationReference.js";
import {
  type CommitResult,
  ConfirmedCancellation,
  type StoredCancellation,
} from "./confirmedCancellation.js";
import { MAX_ATTEMPTS, type NewOutboxItem, nextAttempt, OutboxItem } from "./outboxItem.js";
import type { ActionResult, OutboxStore } from "./ports.js";

export const OutboxEvent = z.discriminatedUnion("event", [
  z.strictObject({ event: z.literal("enqueued"), item: OutboxItem }),
  z.strictObject({
    event: z.literal("delivered"),
    id: z.string(),
    at: IsoDateTime,
    result: z.record(z.string(), z.unknown()),
  }),
  z.strictObject({ event: z.literal("attempt_failed"), id: z.string(), at: IsoDateTime, error: z.string() }),
  z.strictObject({
    event: z.literal("committed"),
    at: IsoDateTime,
    cancellation: ConfirmedCancellation,
    items: z.array(OutboxItem),
  }),
  /** The conversation and the audit log show the cancellation of `conversationId`. */
  z.strictObject({ event: z.literal("recorded"), conversationId: z.string(), at: IsoDateTime }),
]);
export type OutboxEvent = z.infer<typeof OutboxEvent>;

/** Applies one event to the in-memory view. */
export function applyEvent(items: Map<string, OutboxItem>, e: OutboxEvent): void {
  if (e.event === "enqueued") {
    if (!items.has(e.item.id)) items.set(e.item.id, frozenCopy(e.item));
    return;
  }
  if (e.event === "committed") {
    for (const item of e.items) if (!items.has(item.id)) items.set(item.id, frozenCopy(item));
    return;
  }
  if (e.event === "recorded") return;
  const item = items.get(e.id);
  if (!item) return;
  if (e.event === "delivered") {
    items.set(
      e.id,
      deepFreeze({
        ...item,
        status: "delivered",
        deliveredAt: e.at,
        result: frozenCopy(e.result),
        attempts: item.attempts + 1,
      }),
    );
  } else {
    const attempts = item.attempts + 1;
    items.set(
      e.id,
      deepFreeze({
        ...item,
        attempts,
        lastError: e.error,
        status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
        nextAttemptAt: nextAttempt(attempts, new Date(e.at)).toISOString(),
      }),
    );
  }
}

/** An OutboxStore over any append-only event sink. */
export class EventSourcedOutbox implements OutboxStore {
  protected readonly items = new Map<string, OutboxItem>();
  /** Item ids per conversation, so a conversation's items are found without a scan. */
  private readonly byConversation = new Map<string, string[]>();
  /** Confirmed cancellations by conversation, and which conversation cancelled each service. */
  private readonly cancellations = new Map<string, StoredCancellation>();
  private readonly cancelledServices = new Map<string, string>();
  /** Services of commits being written: a second commit for them waits for no one and is refused. */
  private readonly committing = new Map<string, StoredCancellation>();

  constructor(
    private readonly appendEvent: (e: OutboxEvent) => Promise<void>,
    history: readonly OutboxEvent[] = [],
  ) {
    for (const e of history) this.apply(e);
  }

  private async record(e: OutboxEvent) {
    await this.appendEvent(e);
    this.apply(e);
  }

  private apply(e: OutboxEvent) {
    const added =
      e.event === "enqueued"
        ? [e.item].filter((i) => !this.items.has(i.id))
        : e.event === "committed"
          ? e.items.filter((i) => !this.items.has(i.id))
          : [];
    applyEvent(this.items, e);
    for (const item of added) {
      if (item.conversationId === undefined) continue;
      const ids = this.byConversation.get(item.conversationId) ?? [];
      ids.push(item.id);
      this.byConversation.set(item.conversationId, ids);
    }
    if (e.event === "enqueued") this.applyLegacyEndService(e.item);
    if (e.event === "committed") {
      const c = e.cancellation;
      if (this.cancellations.has(c.conversationId)) return;
      this.cancellations.set(c.conversationId, deepFreeze({ ...frozenCopy(c), recorded: false }));
      for (const s of c.services)
        if (!this.cancelledServices.has(s.serviceId))
          this.cancelledServices.set(s.serviceId, c.conversationId);
    } else if (e.event === "recorded") {
      const c = this.cancellations.get(e.conversationId);
      if (c && !c.recorded) this.cancellations.set(e.conversationId, deepFreeze({ ...c, recorded: true }));
    }
  }

  /**
   * An outbox written before cancellations were committed holds each end_service as an item of
   * its own: the cancellation it belongs to is known from it (its reference is derived from the
   * conversation and the day, as it was then), so a service ended then is not ended again.
   */
  private applyLegacyEndService(item: OutboxItem) {
    const p = item.payload as { kind?: unknown; serviceId?: unknown; customerId?: unknown; params?: unknown };
    const conversationId = item.conversationId;
    if (p.kind !== "end_service" || typeof p.serviceId !== "string" || conversationId === undefined) return;
    if (typeof p.customerId !== "string" || this.cancelledServices.has(p.serviceId)) return;
    const endDate = String(
      (p.params as { endDate?: unknown } | undefined)?.endDate ?? item.dueAt.slice(0, 10),
    );
    const earlier = this.cancellations.get(conversationId);
    if (earlier && earlier.state.executedAt !== undefined) return; // a committed one: not legacy
    const service = { serviceId: p.serviceId, endDate };
    this.cancellations.set(
      conversationId,
      deepFreeze({
        conversationId,
        customerId: p.customerId,
        reference: earlier?.reference ?? referenceFor(conversationId, new Date(item.createdAt)),
        confirmedAt: earlier?.confirmedAt ?? item.createdAt,
        services: [...(earlier?.services ?? []), service],
        receiptId: `receipt:${conversationId}`,
        state: {},
        audit: [],
        recorded: true,
      }),
    );
    this.cancelledServices.set(p.serviceId, conversationId);
  }

  /** The earlier (or in-flight) cancellation of one of `serviceIds`, if any. */
  private cancellationOfAny(serviceIds: readonly string[]): StoredCancellation | undefined {
    for (const id of serviceIds) {
      const by = this.cancelledServices.get(id);
      if (by !== undefined) return this.cancellations.get(by);
      const pending = this.committing.get(id);
      if (pending) return pending;
    }
    return undefined;
  }

  async commit(cancellation: ConfirmedCancellation, items: readonly NewOutboxItem[], now: Date) {
    const existing =
      this.cancellations.get(cancellation.conversationId) ??
      this.cancellationOfAny(cancellation.services.map((s) => s.serviceId));
    if (existing) return { committed: false, existing } satisfies CommitResult;
    const stored: StoredCancellation = deepFreeze({ ...frozenCopy(cancellation), recorded: false });
    // Claimed before the write, so two conversations confirming the same service at once
    // cannot both pass the check above.
    for (const s of cancellation.services) this.committing.set(s.serviceId, stored);
    try {
      const at = now.toISOString();
      await this.record(
        deepFreeze({
          event: "committed",
          at,
          cancellation: frozenCopy(cancellation),
          items: items.map((item) => newItem(item, now)),
        }),
      );
    } finally {
      for (const s of cancellation.services) this.committing.delete(s.serviceId);
    }
    return {
      committed: true,
      cancellation: this.cancellations.get(cancellation.conversationId) ?? stored,
    } satisfies CommitResult;
  }

  async markRecorded(conversationId: string, at: Date) {
    const c = this.cancellations.get(conversationId);
    if (!c || c.recorded) return;
    await this.record(deepFreeze({ event: "recorded", conversationId, at: at.toISOString() }));
  }

  async cancellationOf(conversationId: string) {
    return this.cancellations.get(conversationId);
  }

  async cancellationsOfServices(serviceIds: readonly string[]) {
    const found = new Map<string, StoredCancellation>();
    for (const id of serviceIds) {
      const by = this.cancelledServices.get(id);
      const c = by === undefined ? undefined : this.cancellations.get(by);
      if (c) found.set(c.conversationId, c);
    }
    return [...found.values()];
  }

  async unrecorded() {
    return [...this.cancellations.values()].filter((c) => !c.recorded);
  }

  async enqueue(item: NewOutboxItem, now: Date) {
    const existing = this.items.get(item.id);
    if (existing) return existing;
    const stored = newItem(item, now);
    await this.record(deepFreeze({ event: "enqueued", item: stored }));
    return stored;
  }

  async due(now: Date, filter: { conversationId?: string } = {}) {
    const t = now.getTime();
    const candidates =
      filter.conversationId === undefined
        ? [...this.items.values()]
        : (this.byConversation.get(filter.conversationId) ?? []).map((id) => this.items.get(id)!);
    return candidates
      .filter((i) => i.status === "pending" && isDue(i, t) && this.dependenciesDelivered(i))
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  }

  private dependenciesDelivered(item: OutboxItem): boolean {
    return (item.after ?? []).every((id) => this.items.get(id)?.status === "delivered");
  }

  async markDelivered(id: string, result: ActionResult, at: Date) {
    await this.record(
      deepFreeze({ event: "delivered", id, at: at.toISOString(), result: frozenCopy(result) }),
    );
  }

  async markAttemptFailed(id: string, error: string, at: Date) {
    await this.record(deepFreeze({ event: "attempt_failed", id, at: at.toISOString(), error }));
  }

  async get(id: string) {
    return this.items.get(id);
  }

  async list(filter: { status?: OutboxItem["status"]; conversationId?: string } = {}) {
    const candidates =
      filter.conversationId === undefined
        ? [...this.items.values()]
        : (this.byConversation.get(filter.conversationId) ?? []).map((id) => this.items.get(id)!);
    return candidates
      .filter((i) => filter.status === undefined || i.status === filter.status)
      .filter((i) => filter.conversationId === undefined || i.conversationId === filter.conversationId);
  }
}

/** An item as first stored: pending, never attempted. */
function newItem(item: NewOutboxItem, now: Date): OutboxItem {
  const { after, ...rest } = item;
  return frozenCopy({
    ...rest,
    ...(after && after.length > 0 ? { after } : {}),
    createdAt: now.toISOString(),
    status: "pending",
    attempts: 0,
    nextAttemptAt: item.dueAt,
  });
}

/**
 * Due now: its time has come (and, after a failed attempt, its next attempt's), or it was due
 * the moment it was recorded and was never attempted, whatever the clock says now.
 */
function isDue(item: OutboxItem, t: number): boolean {
  if (item.attempts === 0 && Date.parse(item.dueAt) <= Date.parse(item.createdAt)) return true;
  return Date.parse(item.dueAt) <= t && Date.parse(item.nextAttemptAt) <= t;
}
