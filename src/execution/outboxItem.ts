/**
 * The outbox: every action and message is recorded before it is attempted, and marked
 * delivered after. A crash or an unreachable webhook loses nothing; the idempotency key makes
 * a retried attempt do nothing the second time at the receiving end.
 */
import { z } from "zod";
import { IsoDateTime } from "../domain/customer.js";

export const OutboxKind = z.enum(["action", "message"]);

export const OutboxItem = z.strictObject({
  /** The idempotency key: enqueueing the same key twice keeps the first item. */
  id: z.string().min(1),
  kind: OutboxKind,
  conversationId: z.string().optional(),
  /**
   * Not before this instant (scheduled messages …). An item due when it was recorded (dueAt at
   * or before createdAt) is due whatever the clock says later: a clock restarted at an earlier
   * instant (FAIREXIT_CLOCK_START) must not hold back what was due at once.
   */
  dueAt: IsoDateTime,
  /**
   * Items that must be delivered before this one (a receipt waits for the actions it reports).
   * The order comes from the outbox, never from the clock.
   */
  after: z.array(z.string().min(1)).optional(),
  createdAt: IsoDateTime,
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: IsoDateTime,
  lastError: z.string().optional(),
  deliveredAt: IsoDateTime.optional(),
  result: z.record(z.string(), z.unknown()).optional(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export type NewOutboxItem = Pick<OutboxItem, "id" | "kind" | "conversationId" | "dueAt" | "payload"> & {
  after?: string[];
};

/** Exponential backoff: 30 s, 1 min, 2 min … capped at 1 hour; after `maxAttempts`, failed for good. */
export function nextAttempt(attempts: number, now: Date): Date {
  const seconds = Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + seconds * 1000);
}

export const MAX_ATTEMPTS = 12;
