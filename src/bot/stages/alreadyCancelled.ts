/**
 * A service whose cancellation is already confirmed (in this conversation before a crash, in
 * an earlier conversation, or in another one at the same moment) is never cancelled again: the
 * customer hears that it is done, with the first reference and the end dates, and what still
 * makes sense (the receipt again, a person if they changed their mind). The outbox's record
 * of the confirmed cancellation is the source, so the answer is true after any crash.
 */
import type { StoredCancellation } from "../../execution/confirmedCancellation.js";
import { fillResults } from "../../execution/resultPlaceholders.js";
import { type BotMessage, verbatim } from "../botReply.js";
import type { StageResult } from "../stageResult.js";
import type { TurnContext } from "../turnContext.js";

/** Confirmed cancellations this turn is about: this conversation's, and any of the customer's services chosen (or, before a choice, any of theirs). */
export async function cancellationsFor(turn: TurnContext): Promise<StoredCancellation[]> {
  const { outbox } = turn.deps;
  const found = new Map<string, StoredCancellation>();
  const own = await outbox.cancellationOf(turn.conversationId);
  if (own) found.set(own.conversationId, own);
  const serviceIds = turn.state.facts.serviceIds ?? turn.customer?.services.map((s) => s.id) ?? [];
  for (const c of await outbox.cancellationsOfServices(serviceIds))
    if (c.customerId === turn.customer?.id || c.customerId === turn.state.customerId)
      found.set(c.conversationId, c);
  return [...found.values()];
}

/** Says the cancellation is already done: reference, date, what ends when, and what the customer can still do. */
export function tellAlreadyCancelled(
  turn: TurnContext,
  done: readonly StoredCancellation[],
  /** The stage the customer hears it in (the conversation's, unless the step is moving it on). */
  stage = turn.state.stage,
): StageResult {
  const services = turn.customer?.services ?? [];
  const cancellations = done.map((c) => ({
    reference: c.reference,
    confirmedAt: c.confirmedAt,
    services: c.services.map((s) => {
      const service = services.find((x) => x.id === s.serviceId);
      return { name: service ? turn.words.serviceName(service) : turn.words.yourService, endDate: s.endDate };
    }),
  }));
  const reference = done[0]?.reference ?? turn.state.reference;
  return {
    replies: [
      verbatim(turn.words.alreadyCancelled(cancellations, reference), {
        suggestions: [turn.words.buttons.showReceipt, turn.words.buttons.talkToPerson],
      }),
    ],
    audit: [
      {
        kind: "customer_signal",
        data: {
          signal: "already_cancelled",
          stage,
          references: done.length > 0 ? done.map((c) => c.reference) : [reference],
        },
      },
    ],
  };
}

/** The receipt of each cancellation again, as it was emailed (its results filled in); undefined when none is found. */
export async function showReceipts(
  turn: TurnContext,
  done: readonly StoredCancellation[],
): Promise<StageResult | undefined> {
  const { outbox } = turn.deps;
  const shown: BotMessage[] = [];
  for (const c of done) {
    if (!c.receiptId) continue;
    const item = await outbox.get(c.receiptId);
    const body = item?.payload.body;
    if (typeof body !== "string") continue;
    const results = new Map<string, Record<string, unknown>>();
    for (const id of item?.after ?? []) {
      const a = await outbox.get(id);
      if (a?.status === "delivered" && a.result) results.set(id, a.result);
    }
    shown.push(verbatim(`${turn.words.receiptCopy}\n${fillResults(body, (id) => results.get(id))}`));
  }
  return shown.length > 0 ? { replies: shown } : undefined;
}
