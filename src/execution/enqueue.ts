import type { PlannedAction } from "../policies/decision.js";
import type { OutboxItem } from "./outboxItem.js";
import type { OutboxStore, OutgoingMessage } from "./ports.js";

/** Records a planned action in the outbox, keyed by its idempotency key; due at `action.at` or now. */
export function enqueueAction(
  outbox: OutboxStore,
  action: PlannedAction,
  now: Date,
  conversationId?: string,
  /** Whom a scheduled message goes to (the notifier looks up the address). */
  customerId?: string,
): Promise<OutboxItem> {
  return outbox.enqueue(
    {
      id: action.idempotencyKey,
      kind: "action",
      conversationId,
      dueAt: action.kind === "schedule_message" && action.at ? action.at : now.toISOString(),
      payload: customerId === undefined ? { ...action } : { ...action, customerId },
    },
    now,
  );
}

/** Records a message for the notifier, keyed by its idempotency key, due at `dueAt` (default now). */
export function enqueueMessage(
  outbox: OutboxStore,
  message: OutgoingMessage,
  now: Date,
  options: { dueAt?: Date; conversationId?: string } = {},
): Promise<OutboxItem> {
  return outbox.enqueue(
    {
      id: message.idempotencyKey,
      kind: "message",
      conversationId: options.conversationId,
      dueAt: (options.dueAt ?? now).toISOString(),
      payload: { ...message },
    },
    now,
  );
}
