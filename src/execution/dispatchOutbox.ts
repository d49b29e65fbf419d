/**
 * Delivers what is due in the outbox: actions to Operations, messages to the Notifier. Each
 * item is marked delivered only after it succeeded; a failure is recorded and retried later
 * with backoff. Because the item was recorded before the attempt and carries its idempotency
 * key, a crash between the attempt and the mark repeats the call with the same key, and the
 * receiver does nothing the second time.
 *
 * An item that waits for others (a receipt for its actions) becomes due once they are
 * delivered, in the same call when they are delivered by it; a message's result placeholders
 * are filled from their results as it is sent. Within one process an item is attempted by
 * one caller at a time (the turn and the background dispatcher may both be looking).
 */

import type { PlannedAction } from "../domain/decision.js";
import type { Logger } from "../domain/logger.js";
import type { Clock } from "../domain/ports.js";
import { waitingFor } from "./outboxGivenUp.js";
import type { OutboxItem } from "./outboxItem.js";
import type { Notifier, Operations, OutboxStore, OutgoingMessage } from "./ports.js";
import { fillResults, placeholderItems } from "./resultPlaceholders.js";

export interface DispatchDeps {
  outbox: OutboxStore;
  operations: Operations;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
}

/** Items being attempted right now, per outbox. */
const inFlight = new WeakMap<OutboxStore, Set<string>>();

/** Rounds per call: each round can make the items waiting for the previous round's due. */
const MAX_ROUNDS = 5;

export async function dispatchDue(
  deps: DispatchDeps,
  filter: { conversationId?: string } = {},
): Promise<{ delivered: number; failed: number }> {
  let busy = inFlight.get(deps.outbox);
  if (!busy) {
    busy = new Set();
    inFlight.set(deps.outbox, busy);
  }
  let delivered = 0;
  let failed = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const due = (await deps.outbox.due(deps.clock.now(), filter)).filter((i) => !busy.has(i.id));
    if (due.length === 0) break;
    let progress = 0;
    for (const item of due) {
      if (busy.has(item.id)) continue;
      busy.add(item.id);
      try {
        const current = await deps.outbox.get(item.id);
        if (current?.status !== "pending") continue; // delivered meanwhile by another caller
        if (await deliver(deps, current)) {
          delivered++;
          progress++;
        } else failed++;
      } finally {
        busy.delete(item.id);
      }
    }
    if (progress === 0) break;
  }
  return { delivered, failed };
}

async function deliver(deps: DispatchDeps, item: OutboxItem): Promise<boolean> {
  try {
    const result =
      item.kind === "message"
        ? await deps.notifier.send(await withResults(deps.outbox, item.payload as unknown as OutgoingMessage))
        : item.payload.kind === "schedule_message"
          ? await deps.notifier.send(scheduledMessage(item.id, item.payload))
          : await deps.operations.execute(item.payload as unknown as PlannedAction);
    await deps.outbox.markDelivered(item.id, result, deps.clock.now());
    return true;
  } catch (e) {
    const error = (e as Error).message;
    deps.logger.warn(
      { outboxItem: item.id, kind: item.kind, attempts: item.attempts + 1, error },
      "delivery failed",
    );
    await deps.outbox.markAttemptFailed(item.id, error, deps.clock.now());
    if ((await deps.outbox.get(item.id))?.status === "failed")
      // Once: a failed item is never attempted again. Ids only (see outboxGivenUp).
      deps.logger.error(
        {
          outboxItem: item.id,
          kind: item.kind,
          attempts: item.attempts + 1,
          error,
          blocked: await waitingFor(deps.outbox, item),
        },
        "delivery gave up after the maximum attempts: the items waiting for it will not be sent",
      );
    return false;
  }
}

/** The message with its result placeholders filled from the items it waited for. */
async function withResults(outbox: OutboxStore, message: OutgoingMessage): Promise<OutgoingMessage> {
  const ids = placeholderItems(message.body);
  if (ids.length === 0) return message;
  const results = new Map<string, Record<string, unknown>>();
  for (const id of ids) {
    const item = await outbox.get(id);
    if (item?.status === "delivered" && item.result) results.set(id, item.result);
  }
  return { ...message, body: fillResults(message.body, (id) => results.get(id)) };
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
