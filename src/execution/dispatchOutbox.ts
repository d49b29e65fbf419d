/**
 * Delivers what is due in the outbox: actions to Operations, messages to the Notifier. Each
 * item is marked delivered only after it succeeded; a failure is recorded and retried later
 * with backoff. Because the item was recorded before the attempt and carries its idempotency
 * key, a crash between the attempt and the mark repeats the call with the same key, and the
 * receiver does nothing the second time.
 */
import type { Logger } from "../domain/logger.js";
import type { Clock } from "../domain/ports.js";
import type { PlannedAction } from "../policies/decision.js";
import type { Notifier, Operations, OutboxStore, OutgoingMessage } from "./ports.js";

export interface DispatchDeps {
  outbox: OutboxStore;
  operations: Operations;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
}

export async function dispatchDue(
  deps: DispatchDeps,
  filter: { conversationId?: string } = {},
): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (const item of await deps.outbox.due(deps.clock.now(), filter)) {
    try {
      const result =
        item.kind === "message"
          ? await deps.notifier.send(item.payload as unknown as OutgoingMessage)
          : item.payload.kind === "schedule_message"
            ? await deps.notifier.send(scheduledMessage(item.id, item.payload))
            : await deps.operations.execute(item.payload as unknown as PlannedAction);
      await deps.outbox.markDelivered(item.id, result, deps.clock.now());
      delivered++;
    } catch (e) {
      failed++;
      const error = (e as Error).message;
      deps.logger.warn(
        { outboxItem: item.id, kind: item.kind, attempts: item.attempts + 1, error },
        "delivery failed",
      );
      await deps.outbox.markAttemptFailed(item.id, error, deps.clock.now());
    }
  }
  return { delivered, failed };
}

/** A policy's scheduled message ("your line stops in one hour") becomes a text to the customer. */
function scheduledMessage(key: string, payload: Record<string, unknown>): OutgoingMessage {
  const params = (payload.params ?? {}) as Record<string, unknown>;
  return {
    channel: params.channel === "email" ? "email" : "sms",
    customerId: String(payload.customerId ?? ""),
    body: String(params.message ?? ""),
    idempotencyKey: key,
  };
}
