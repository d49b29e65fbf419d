/**
 * Items the outbox has given up on: delivery failed `MAX_ATTEMPTS` times (see outboxItem), so
 * nothing will try again, and the items waiting for them (a receipt for its actions) will never
 * be sent. They are logged at error level when the last attempt fails (dispatchOutbox), shown by
 * `fairexit outbox`, and reported by the readiness check "outbox" below, with counts and the
 * oldest item's id: ids only, never a payload, so no personal data.
 */
import type { ReadinessCheck } from "../domain/readiness.js";
import type { OutboxItem } from "./outboxItem.js";
import type { OutboxStore } from "./ports.js";

export interface GivenUp {
  /** Failed for good, oldest first. */
  failed: OutboxItem[];
  /** Pending items that wait for a failed one (directly or through another waiting item). */
  blocked: OutboxItem[];
}

export async function givenUp(outbox: OutboxStore): Promise<GivenUp> {
  const failed = (await outbox.list({ status: "failed" })).sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
  if (failed.length === 0) return { failed, blocked: [] };
  const stuck = new Set(failed.map((i) => i.id));
  const pending = (await outbox.list({ status: "pending" })).filter((i) => (i.after ?? []).length > 0);
  const blocked: OutboxItem[] = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const item of pending)
      if (!stuck.has(item.id) && item.after!.some((id) => stuck.has(id))) {
        stuck.add(item.id);
        blocked.push(item);
        grew = true;
      }
  }
  return { failed, blocked };
}

/** The ids of the pending items that wait for `id`. */
export async function waitingFor(outbox: OutboxStore, item: OutboxItem): Promise<string[]> {
  const candidates = await outbox.list({ status: "pending", conversationId: item.conversationId });
  return candidates.filter((i) => (i.after ?? []).includes(item.id)).map((i) => i.id);
}

/**
 * "outbox": ok while nothing has given up. Otherwise not ok, for the operator to act on; it
 * does not make the server unready (`alertOnly`): the server still serves, and taking it out of
 * rotation would not deliver the item.
 */
export function outboxReadiness(outbox: OutboxStore): ReadinessCheck {
  return {
    name: "outbox",
    alertOnly: true,
    check: async () => {
      const { failed, blocked } = await givenUp(outbox);
      if (failed.length === 0) return { ok: true, detail: "nothing has given up" };
      return {
        ok: false,
        detail: `${failed.length} item(s) gave up after the maximum attempts, ${blocked.length} waiting for them will not be sent; oldest ${failed[0]!.id} (see fairexit outbox --status failed)`,
      };
    },
  };
}
