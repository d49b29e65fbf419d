/**
 * Recovery after a crash: a cancellation the outbox committed (the customer's "yes", its actions
 * and receipt) but the conversation or the audit log does not show, because the process died
 * between the commit and the turn's own writes. The state it set, the transcript's missing turns
 * (the customer's confirmation and the receipt, rebuilt from the outbox) and the audit records it
 * carries are written now, each only if missing, marked as recovered; running it twice adds
 * nothing. Called by the engine before the conversation's next turn and at start.
 */
import type { Conversation, Turn as StoredTurn } from "../domain/conversation.js";
import { deepFreeze } from "../domain/deepFreeze.js";
import type { StoredCancellation } from "../execution/confirmedCancellation.js";
import { dispatchDue } from "../execution/dispatchOutbox.js";
import { CONFIRMED_WITHOUT_WORDS, receiptText } from "../execution/recoveredTurns.js";
import type { ConversationState } from "./conversationState.js";
import type { ConversationDeps } from "./ports.js";
import type { PendingAudit } from "./turnContext.js";

/**
 * Brings `conversation` up to date with the committed cancellation `c`; `state` is the
 * conversation's state as a value to change, and `remember` is told of the frozen state written.
 * Returns the conversation as stored afterwards.
 */
export async function recoverCancellation(
  deps: ConversationDeps,
  conversation: Conversation,
  c: StoredCancellation,
  state: ConversationState,
  remember: (saved: ConversationState) => void,
): Promise<Conversation> {
  const id = conversation.id;
  // What was committed is delivered first, so the receipt gives the results it reports.
  await dispatchDue(deps, { conversationId: id });
  const receipt = await receiptText(deps.outbox, c);
  const hasReceipt = conversation.turns.some(
    (t) => t.speaker === "bot" && (t.meta as { card?: unknown } | undefined)?.card === "receipt",
  );
  const turns: StoredTurn[] = [];
  if (!hasReceipt && receipt) {
    let seq = conversation.turns.length;
    const at = c.confirmedAt;
    const recovered = true;
    turns.push({
      seq: seq++,
      at,
      speaker: "customer",
      text: c.confirmationText ?? CONFIRMED_WITHOUT_WORDS,
      meta: { recovered },
    });
    turns.push({
      seq: seq++,
      at,
      speaker: "bot",
      text: receipt.text,
      meta: { stage: "receipt", discharges: [], card: "receipt", sha256: receipt.sha256, recovered },
    });
  }
  if (!state.executedAt || turns.length > 0) {
    const next = deepFreeze((state.executedAt ? state : { ...state, ...c.state }) as ConversationState);
    remember(next);
    await deps.store.conversations.appendTurns(id, deepFreeze(turns), next);
  }
  const audited = await deps.store.audit.read({ conversationId: id });
  const confirmed = audited.some(
    (e) => e.kind === "confirmation" && (e.data as { answer?: unknown }).answer === "yes",
  );
  const records: PendingAudit[] = confirmed
    ? []
    : c.audit.map((r) => ({
        kind: r.kind as PendingAudit["kind"],
        data: { ...r.data, recovered: true, reference: c.reference },
      }));
  if (receipt && !audited.some((e) => e.kind === "receipt"))
    records.push({
      kind: "receipt",
      data: { reference: c.reference, sha256: receipt.sha256, recovered: true },
    });
  if (records.length > 0) await deps.audit.recordAll(id, records);
  await deps.outbox.markRecorded(id, deps.clock.now());
  deps.logger.warn({ conversationId: id }, "confirmed cancellation recovered from the outbox");
  return (await deps.store.conversations.get(id)) ?? conversation;
}
