/**
 * Execute and receipt. Every planned action is recorded in the outbox before it is attempted
 * (idempotent on its key), then delivered; the receipt gives a reference, what ends when, fees
 * and credits, the porting code, what we will send and when, and a durable copy goes by email.
 */
import { createHash } from "node:crypto";
import { dispatchDue } from "../../execution/dispatchOutbox.js";
import { enqueueAction, enqueueMessage } from "../../execution/enqueue.js";
import { longDate, longInstant } from "../../policies/dates.js";
import type { Decision } from "../../policies/decision.js";
import { formatMoney, formatTotals } from "../../policies/money.js";
import { say } from "../botReply.js";
import type { Turn } from "../turn.js";
import { startFarewell } from "./farewell.js";
import { kindName, obligationMessage } from "./render.js";

export function referenceFor(conversationId: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `FX-${day}-${createHash("sha256").update(conversationId).digest("hex").slice(0, 6).toUpperCase()}`;
}

function receiptText(
  decision: Decision,
  reference: string,
  results: Map<string, Record<string, unknown>>,
  now: Date,
) {
  const lines = [
    `Cancellation confirmed. Your reference is ${reference} (${longInstant(now.toISOString())}).`,
  ];
  for (const s of decision.services) {
    const waived = s.waivers.reduce((sum, w) => sum + w.amountWaived, 0);
    lines.push(
      `• ${kindName(s.serviceKind)} ends on ${longDate(s.endDate)}. For leaving you owe ${formatMoney(
        s.totalDue,
        s.currency,
      )}${waived > 0 ? `; ${formatMoney(waived, s.currency)} was waived` : ""}.`,
    );
  }
  for (const a of decision.actions) {
    const r = results.get(a.idempotencyKey);
    if (a.kind === "issue_porting_code" && typeof r?.code === "string")
      lines.push(
        `• Your ${String(r.kind ?? "PAC")} is ${r.code}, valid until ${longDate(String(r.validUntil).slice(0, 10))}.`,
      );
    if (a.kind === "request_unlock")
      lines.push("• Your handset unlock has been requested; it happens remotely.");
    if (a.kind === "credit_dispute")
      lines.push(`• We credit ${String(a.params.amount ?? "")} for your open dispute.`);
    if (a.kind === "equipment_return_label" && typeof r?.label === "string")
      lines.push(
        `• Return label ${r.label}; please return the equipment by ${longDate(String(r.returnBy).slice(0, 10))}.`,
      );
  }
  const scheduled = decision.actions.filter((a) => a.kind === "schedule_message" && a.at);
  for (const a of scheduled)
    lines.push(`• We will message you on ${longInstant(a.at!)}: "${String(a.params.message ?? "")}"`);
  lines.push(`Total for leaving: ${formatTotals(decision.totals)}.`);
  return lines.join("\n");
}

export async function executeCancellation(turn: Turn): Promise<void> {
  const { deps, state } = turn;
  const decision = turn.decision();
  const now = turn.now;
  state.reference ??= referenceFor(turn.conversationId, now);
  // The outbox items of this cancellation, by id. An action already recorded (the same customer
  // confirmed in an earlier conversation) is not done again, but its result still belongs here.
  const planned = [];
  for (const action of decision.actions) {
    const enqueued = await enqueueAction(deps.outbox, action, now, turn.conversationId, turn.customer?.id);
    planned.push({ action, enqueued });
  }
  state.executedAt = now.toISOString();
  await dispatchDue({ ...deps, clock: { now: () => now } }, { conversationId: turn.conversationId });
  // One audit entry per action: what was planned and how its delivery went in this turn (a
  // later attempt of an action due later is the outbox's to record). Both are known here, and
  // the turn's entries are written together, so two entries per action would only be longer.
  const results = new Map<string, Record<string, unknown>>();
  for (const { action, enqueued } of planned) {
    const item = (await deps.outbox.get(enqueued.id)) ?? enqueued;
    if (item.status === "delivered" && item.result) results.set(item.id, item.result);
    turn.record("action", {
      key: action.idempotencyKey,
      kind: action.kind,
      ruleId: action.ruleId,
      dueAt: item.dueAt,
      status: item.status,
      attempts: item.attempts,
      error: item.lastError,
    });
  }

  for (const o of turn.pending("receipt")) turn.say(obligationMessage(o));
  const text = receiptText(decision, state.reference, results, now);
  const sha256 = createHash("sha256").update(text).digest("hex");
  if (turn.customer)
    await enqueueMessage(
      deps.outbox,
      {
        channel: "email",
        customerId: turn.customer.id,
        subject: `Your cancellation ${state.reference}`,
        body: text,
        idempotencyKey: `receipt:${turn.conversationId}`,
      },
      now,
      { conversationId: turn.conversationId },
    );
  await dispatchDue({ ...deps, clock: { now: () => now } }, { conversationId: turn.conversationId });
  turn.record("receipt", { reference: state.reference, sha256 });
  state.stage = "receipt";
  turn.say(
    say(text, {
      card: { kind: "receipt", data: { reference: state.reference, sha256, totals: decision.totals } },
    }),
  );
  await startFarewell(turn);
}
