/**
 * Planned actions and messages as outbox items, keyed by their idempotency keys: built for a
 * commit (a confirmed cancellation records all its items in one write), or enqueued one by one.
 */
import type { PlannedAction } from "../domain/decision.js";
import type { NewOutboxItem, OutboxItem } from "./outboxItem.js";
import type { OutboxStore, OutgoingMessage } from "./ports.js";

/** A planned action as an outbox item, keyed by its idempotency key; due at `action.at` or now. */
export function actionItem(
  action: PlannedAction,
  now: Date,
  conversationId?: string,
  /** Whom a scheduled message goes to (the notifier looks up the address). */
  customerId?: string,
): NewOutboxItem {
  return {
    id: action.idempotencyKey,
    kind: "action",
    conversationId,
    dueAt: action.kind === "schedule_message" && action.at ? action.at : now.toISOString(),
    payload: customerId === undefined ? { ...action } : { ...action, customerId },
  };
}

/** A message for the notifier as an outbox item, keyed by its idempotency key, due at `dueAt` (default now). */
export function messageItem(
  message: OutgoingMessage,
  now: Date,
  options: { dueAt?: Date; conversationId?: string; after?: string[] } = {},
): NewOutboxItem {
  return {
    id: message.idempotencyKey,
    kind: "message",
    conversationId: options.conversationId,
    dueAt: (options.dueAt ?? now).toISOString(),
    payload: { ...message },
    ...(options.after && options.after.length > 0 ? { after: options.after } : {}),
  };
}

/** Records a planned action in the outbox, keyed by its idempotency key; due at `action.at` or now. */
export function enqueueAction(
  outbox: OutboxStore,
  action: PlannedAction,
  now: Date,
  conversationId?: string,
  customerId?: string,
): Promise<OutboxItem> {
  return outbox.enqueue(actionItem(action, now, conversationId, customerId), now);
}

/** Records a message for the notifier, keyed by its idempotency key, due at `dueAt` (default now). */
export function enqueueMessage(
  outbox: OutboxStore,
  message: OutgoingMessage,
  now: Date,
  options: { dueAt?: Date; conversationId?: string; after?: string[] } = {},
): Promise<OutboxItem> {
  return outbox.enqueue(messageItem(message, now, options), now);
}
