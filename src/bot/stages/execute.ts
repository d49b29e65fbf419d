/**
 * Execute and receipt. The confirmation, every planned action, the receipt message and what
 * the conversation's state becomes are committed to the outbox in one write before anything
 * is delivered (see ConfirmedCancellation): whatever crashes after that, the cancellation is
 * carried out exactly once and a restarted server knows it was confirmed. Then the actions are
 * delivered; the receipt gives a reference, what ends when, fees and credits, the porting code
 * and what we will send and when, and its durable copy by email waits in the outbox for the
 * actions it reports (their results are filled in when it is sent).
 *
 * A service that already has a confirmed cancellation is not cancelled again: the customer is
 * told it is done, with the first reference.
 */
import { createHash } from "node:crypto";
import type { Decision, PlannedAction } from "../../domain/decision.js";
import { referenceFor } from "../../execution/cancellationReference.js";
import type { ConfirmedCancellation } from "../../execution/confirmedCancellation.js";
import { dispatchDue } from "../../execution/dispatchOutbox.js";
import { actionItem, messageItem } from "../../execution/enqueue.js";
import { confirmationWords } from "../../execution/recoveredTurns.js";
import { fillResults, resultPlaceholder } from "../../execution/resultPlaceholders.js";
import { verbatim } from "../botReply.js";
import { obligationMessage } from "../decisionInWords.js";
import { combine, type PendingAudit, type StageResult } from "../stageResult.js";
import type { TurnContext } from "../turnContext.js";
import type { Amount, Words } from "../words/index.js";
import { tellAlreadyCancelled } from "./alreadyCancelled.js";
import { startFarewell } from "./farewell.js";

export { referenceFor };

/** The id of the receipt email of a conversation's cancellation in the outbox. */
export const receiptMessageId = (conversationId: string) => `receipt:${conversationId}`;

/**
 * The receipt, in the conversation's language, with placeholders where the actions' results go
 * (the porting code, the return label): filled from the results once the actions are delivered
 * (see resultPlaceholders).
 */
function receiptTemplate(decision: Decision, reference: string, now: Date, words: Words) {
  const date = words.language === "en" ? "date" : (`date:${words.language}` as const);
  const lines = [words.receiptHeader(reference, now.toISOString())];
  for (const s of decision.services) {
    const waived = s.waivers.reduce((sum, w) => sum + w.amountWaived, 0);
    lines.push(
      words.receiptService(s.serviceKind, s.endDate, { amount: s.totalDue, currency: s.currency }, waived),
    );
  }
  for (const a of decision.actions) {
    const id = a.idempotencyKey;
    if (a.kind === "issue_porting_code")
      lines.push(
        words.receiptPortingCode(
          resultPlaceholder(id, "kind", "or:PAC"),
          resultPlaceholder(id, "code"),
          resultPlaceholder(id, "validUntil", date),
        ),
      );
    if (a.kind === "request_unlock") lines.push(words.receiptUnlock);
    if (a.kind === "credit_dispute")
      lines.push(
        words.receiptDisputeCredit(creditAmount(a), String(a.params.disputeIds ?? "").includes(",")),
      );
    if (a.kind === "credit_promotion")
      lines.push(
        words.receiptPromotionCredit(
          creditAmount(a),
          typeof a.params.promoCode === "string" ? a.params.promoCode : "",
        ),
      );
    if (a.kind === "equipment_return_label")
      lines.push(
        words.receiptReturnLabel(resultPlaceholder(id, "label"), resultPlaceholder(id, "returnBy", date)),
      );
  }
  const scheduled = decision.actions.filter((a) => a.kind === "schedule_message" && a.at);
  for (const a of scheduled) lines.push(words.receiptScheduled(a.at!, String(a.params.message ?? "")));
  lines.push(words.receiptTotal(decision.totals));
  return lines.join("\n");
}

/**
 * A credit's amount and currency as the decision has them (the same the disclosure stated), or
 * undefined when the pack's action gives none: the line then says what happens, never a blank.
 */
function creditAmount(a: PlannedAction): Amount | undefined {
  const amount = Number(a.params.amount);
  const currency = typeof a.params.currency === "string" ? a.params.currency : "";
  return a.params.amount !== undefined && Number.isFinite(amount) && amount > 0 && currency !== ""
    ? { amount, currency }
    : undefined;
}

/**
 * Carries out the cancellation the customer just confirmed (`confirmation`: the audit record of
 * that yes, committed with it): the commit to the outbox, the delivery of what is due, then the
 * receipt and the farewell.
 */
export async function executeCancellation(
  turn: TurnContext,
  confirmation: PendingAudit,
): Promise<StageResult> {
  const { deps, state } = turn;
  const customer = turn.customer;
  if (!customer) throw new Error("executeCancellation before the customer is identified");
  const decision = turn.decision();
  const now = turn.now;
  const conversationId = turn.conversationId;
  const reference = state.reference ?? referenceFor(conversationId, now);

  const actions = decision.actions.map((action) => ({
    action,
    item: actionItem(action, now, conversationId, customer.id),
  }));
  const template = receiptTemplate(decision, reference, now, turn.words);
  const receipt = messageItem(
    {
      channel: "email",
      customerId: customer.id,
      subject: turn.words.receiptSubject(reference),
      body: template,
      idempotencyKey: receiptMessageId(conversationId),
    },
    now,
    {
      conversationId,
      // Every action the receipt reports is delivered first; scheduled messages come later.
      after: actions.filter((a) => a.action.kind !== "schedule_message").map((a) => a.item.id),
    },
  );
  const planned = actions.map(({ action, item }) => ({
    kind: "action",
    data: { key: action.idempotencyKey, kind: action.kind, ruleId: action.ruleId, dueAt: item.dueAt },
  }));
  const cancellation: ConfirmedCancellation = {
    conversationId,
    customerId: customer.id,
    reference,
    confirmedAt: now.toISOString(),
    confirmationText: confirmationWords(turn.text),
    services: decision.services.map((s) => ({ serviceId: s.serviceId, endDate: s.endDate })),
    receiptId: receipt.id,
    state: { executedAt: now.toISOString(), reference, stage: "closed", expecting: "anything" },
    audit: [confirmation, ...planned],
  };
  // The commit point: from here on the cancellation happens, whatever crashes.
  const commit = await deps.outbox.commit(cancellation, [...actions.map((a) => a.item), receipt], now);
  if (!commit.committed)
    return combine({ replies: [], audit: [confirmation] }, tellAlreadyCancelled(turn, [commit.existing]), {
      replies: [],
      state: { stage: "closed", expecting: "anything" },
    });
  await dispatchDue({ ...deps, clock: { now: () => now } }, { conversationId });

  // One audit entry per action: what was planned and how its delivery went in this turn (a
  // later attempt of an action due later is the outbox's to record).
  const results = new Map<string, Record<string, unknown>>();
  const delivered: PendingAudit[] = [];
  for (const { action, item: planned } of actions) {
    const item = await deps.outbox.get(planned.id);
    if (item?.status === "delivered" && item.result) results.set(item.id, item.result);
    delivered.push({
      kind: "action",
      data: {
        key: action.idempotencyKey,
        kind: action.kind,
        ruleId: action.ruleId,
        dueAt: item?.dueAt ?? planned.dueAt,
        status: item?.status ?? "pending",
        attempts: item?.attempts ?? 0,
        error: item?.lastError,
      },
    });
  }

  const text = fillResults(template, (id) => results.get(id));
  const sha256 = createHash("sha256").update(text).digest("hex");
  // The farewell counts what the receipt said: applied before it is asked.
  turn.apply({
    replies: [
      ...turn.pending("receipt").map(obligationMessage),
      verbatim(text, {
        card: { kind: "receipt", data: { reference, sha256, totals: decision.totals } },
      }),
    ],
    audit: [confirmation, ...delivered, { kind: "receipt", data: { reference, sha256 } }],
    state: { reference, executedAt: now.toISOString(), stage: "receipt" },
  });
  return startFarewell(turn);
}
