/**
 * The decision in plain words: the fee and any waiver with its reason, then each disclosure the
 * policy requires, each as its own message carrying the obligation it discharges.
 */

import { longDate } from "../../domain/dates.js";
import type { Decision, Obligation } from "../../domain/decision.js";
import { formatMoney, formatTotals } from "../../domain/money.js";
import type { Topic } from "../../domain/understanding.js";
import { type BotMessage, say } from "../botReply.js";

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

/** "broadband" -> "Broadband", "tv" -> "TV". */
export function kindName(kind: string): string {
  return kind === "tv" ? "TV" : `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
}

export function obligationMessage(o: Obligation): BotMessage {
  return say(o.message, { discharges: [o.id] });
}

/** Waiver reasons, one message per waiver. */
export function waiverMessages(decision: Decision): BotMessage[] {
  return decision.waivers.map((w) => say(w.reason));
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
export function answerTopics(decision: Decision, topics: readonly Topic[]): BotMessage[] {
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
        out.push(say(`In total you owe ${formatTotals(decision.totals)} for leaving.`));
    }
    if (topic === "end_date" && !decision.obligations.some((o) => o.topic === "end_date"))
      for (const s of decision.services)
        out.push(say(`Your ${s.serviceKind} service ends on ${longDate(s.endDate)}.`));
  }
  return out;
}

/** The summary the customer says yes to. */
export function confirmationSummary(decision: Decision): string {
  const lines = decision.services.map((s) => {
    const waived = s.waivers.reduce((sum, w) => sum + w.amountWaived, 0);
    const due = formatMoney(s.totalDue, s.currency);
    return `• ${kindName(s.serviceKind)}: ends ${longDate(s.endDate)}; you owe ${due} for leaving${
      waived > 0 ? ` (${formatMoney(waived, s.currency)} waived)` : ""
    }.`;
  });
  const actions = decision.actions
    .filter(
      (a) =>
        a.kind === "issue_porting_code" || a.kind === "request_unlock" || a.kind === "equipment_return_label",
    )
    .map((a) =>
      a.kind === "issue_porting_code"
        ? `• We send your ${String(a.params.codeType ?? "porting")} code by text right away.`
        : a.kind === "request_unlock"
          ? "• We unlock your handset remotely, free of charge."
          : "• We send a prepaid label to return the equipment.",
    );
  // A promotion credit is part of what the customer says yes to, in the decision's amount.
  const credits = decision.actions
    .filter((a) => a.kind === "credit_promotion" && Number(a.params.amount) > 0 && a.params.currency)
    .map(
      (a) =>
        `• We credit ${formatMoney(Number(a.params.amount), String(a.params.currency))} for the ${String(
          a.params.promoCode ?? "",
        )} promotion you never got.`,
    );
  return [`To confirm, here's what will happen:`, ...lines, ...new Set(actions), ...credits].join("\n");
}
