/**
 * The outbox kept as an append-only event log (enqueued, delivered, attempt_failed) replayed
 * into memory. `MemoryOutboxStore` keeps the events in an array; the file adapter appends
 * them to a JSON Lines file, so each change costs one appended line. Items and events are
 * frozen all the way down and handed out as they are (see domain/deepFreeze): a caller cannot
 * change what is stored, and nothing is copied per read.
 */
import { z } from "zod";
import { IsoDateTime } from "../domain/customer.js";
import { deepFreeze, frozenCopy } from "../domain/deepFreeze.js";
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
]);
export type OutboxEvent = z.infer<typeof OutboxEvent>;

/** Applies one event to the in-memory view. */
export function applyEvent(items: Map<string, OutboxItem>, e: OutboxEvent): void {
  if (e.event === "enqueued") {
    if (!items.has(e.item.id)) items.set(e.item.id, frozenCopy(e.item));
    return;
  }
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
    const isNew = e.event === "enqueued" && !this.items.has(e.item.id);
    applyEvent(this.items, e);
    if (isNew && e.event === "enqueued" && e.item.conversationId !== undefined) {
      const ids = this.byConversation.get(e.item.conversationId) ?? [];
      ids.push(e.item.id);
      this.byConversation.set(e.item.conversationId, ids);
    }
  }

  async enqueue(item: NewOutboxItem, now: Date) {
    const existing = this.items.get(item.id);
    if (existing) return existing;
    const stored: OutboxItem = frozenCopy({
      ...item,
      createdAt: now.toISOString(),
      status: "pending",
      attempts: 0,
      nextAttemptAt: item.dueAt,
    });
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
      .filter((i) => i.status === "pending" && Date.parse(i.dueAt) <= t && Date.parse(i.nextAttemptAt) <= t)
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
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

export class MemoryOutboxStore extends EventSourcedOutbox {
  readonly events: OutboxEvent[] = [];
  constructor() {
    const events: OutboxEvent[] = [];
    super(async (e) => {
      events.push(frozenCopy(e));
    });
    this.events = events;
  }
}
