/**
 * The decision in plain words: the fee and any waiver with its reason, then each disclosure the
 * policy requires, each as its own message carrying the obligation it discharges. Policy texts
 * come rendered in the conversation's language by the decision; the bot's own in `words`.
 */

import type { Decision, Obligation } from "../domain/decision.js";
import type { Topic } from "../domain/understanding.js";
import { type BotMessage, verbatim } from "./botReply.js";
import type { Words } from "./words/index.js";

/** Which obligation topics answer which customer question. */
const TOPIC_OBLIGATIONS: Record<Topic, string[]> = {
  fee: ["charges", "financed_device_balance", "final_bill", "final_bill_disputes"],
  end_date: ["end_date", "service_stop_notice", "end_of_contract"],
  device: ["device_unlock", "financed_device_balance", "equipment_return"],
  porting: ["porting_code"],
  payment: ["payment_mandate"],
  final_bill: ["final_bill", "final_bill_disputes"],
  equipment: ["equipment_return"],
  data: ["data_export"],
  offer: [],
  person: [],
  other: [],
};

export function obligationMessage(o: Obligation): BotMessage {
  return verbatim(o.message, { discharges: [o.id] });
}

/** Waiver reasons, one message per waiver. */
export function waiverMessages(decision: Decision): BotMessage[] {
  return decision.waivers.map((w) => verbatim(w.reason));
}

export function reviewCard(decision: Decision): BotMessage["card"] {
  return {
    kind: "review",
    data: {
      services: decision.services.map((s) => ({
        serviceId: s.serviceId,
        kind: s.serviceKind,
        endDate: s.endDate,
        totalDue: s.totalDue,
        currency: s.currency,
        waived: s.waivers.map((w) => ({ amount: w.amountWaived, reason: w.reason })),
      })),
      totals: decision.totals,
    },
  };
}

/** Answers a question from the decision: the obligations on that topic, or the totals. */
export function answerTopics(decision: Decision, topics: readonly Topic[], words: Words): BotMessage[] {
  const out: BotMessage[] = [];
  const seen = new Set<string>();
  for (const topic of topics) {
    for (const o of decision.obligations)
      if (TOPIC_OBLIGATIONS[topic].includes(o.topic) && !seen.has(o.id)) {
        seen.add(o.id);
        out.push(obligationMessage(o));
      }
    if (topic === "fee") {
      for (const m of waiverMessages(decision)) out.push(m);
      if (!decision.obligations.some((o) => o.topic === "charges"))
        out.push(verbatim(words.totalOwed(decision.totals)));
    }
    if (topic === "end_date" && !decision.obligations.some((o) => o.topic === "end_date"))
      for (const s of decision.services) out.push(verbatim(words.serviceEnds(s.serviceKind, s.endDate)));
  }
  return out;
}

/** The summary the customer says yes to, in the conversation's language. */
export function confirmationSummary(decision: Decision, words: Words): string {
  const lines = decision.services.map((s) => {
    const waived = s.waivers.reduce((sum, w) => sum + w.amountWaived, 0);
    return words.confirmLine(s.serviceKind, s.endDate, { amount: s.totalDue, currency: s.currency }, waived);
  });
  const actions = decision.actions
    .filter(
      (a) =>
        a.kind === "issue_porting_code" || a.kind === "request_unlock" || a.kind === "equipment_return_label",
    )
    .map((a) =>
      a.kind === "issue_porting_code"
        ? words.portingCodeLine(String(a.params.codeType ?? "porting"))
        : a.kind === "request_unlock"
          ? words.unlockLine
          : words.returnLabelLine,
    );
  // A promotion credit is part of what the customer says yes to, in the decision's amount.
  const credits = decision.actions
    .filter((a) => a.kind === "credit_promotion" && Number(a.params.amount) > 0 && a.params.currency)
    .map((a) =>
      words.promotionCreditLine(
        { amount: Number(a.params.amount), currency: String(a.params.currency) },
        String(a.params.promoCode ?? ""),
      ),
    );
  return [words.confirmIntro, ...lines, ...new Set(actions), ...credits].join("\n");
}
