/**
 * Money in confirmed cancellations: waivers by rule and by group (promises honoured, cooling-
 * off, our own errors …) with the fees they waived, what leavers were charged, and refunds
 * (disputes credited, promotions never applied credited, fees waived for an undisclosed fee).
 * Always per currency.
 */
import type { Customer } from "../domain/customer.js";
import { figure, MoneyTally } from "./figures.js";
import { confirmedViews, decisionBefore, type ReportInput, text } from "./reportInput.js";
import type {
  LabelledFigure,
  MoneyFigure,
  MoneySection,
  WaiverGroup,
  WaiverRuleFigure,
} from "./reportTypes.js";

interface WaiverData {
  ruleId?: unknown;
  serviceId?: unknown;
  amount?: unknown;
  evidence?: { kind?: unknown; ref?: unknown }[];
}

/**
 * The group of a waiver, read from its rule id: a promise kept (`…promise…`), the cooling-off
 * or withdrawal right (`…cooling…`, `…withdrawal…`), our own errors (`…error…`, an unstated
 * price rise, a service not delivered), the customer's circumstances (moving, bereavement).
 */
export function waiverGroup(ruleId: string): WaiverGroup {
  if (/promise/.test(ruleId)) return "promise_honoured";
  if (/cooling|withdrawal/.test(ruleId)) return "cooling_off";
  if (/error|price-rise|price_rise|not-delivered|not_delivered/.test(ruleId)) return "our_error";
  if (/moving|coverage|bereave|death|vulnerab/.test(ruleId)) return "circumstances";
  return "other";
}

const currencyOf = (customer: Customer | undefined, serviceId: unknown, fallback: string): string =>
  customer?.services.find((s) => s.id === serviceId)?.currency ?? customer?.billing.currency ?? fallback;

export function moneySection(input: ReportInput): MoneySection {
  const byRule = new Map<string, { ids: string[]; money: MoneyTally }>();
  const byGroup = new Map<string, { ids: string[]; money: MoneyTally }>();
  const waived = new MoneyTally();
  const charged = new MoneyTally();
  const disputes: string[] = [];
  const disputeMoney = new MoneyTally();
  const promotions: string[] = [];
  const undisclosed: string[] = [];
  const undisclosedMoney = new MoneyTally();
  const add = (m: typeof byRule, key: string) => {
    const v = m.get(key) ?? { ids: [], money: new MoneyTally() };
    m.set(key, v);
    return v;
  };
  for (const v of confirmedViews(input)) {
    const decision = decisionBefore(v, v.confirmation.seq);
    const totals = (v.confirmation.data.totals ?? decision?.data.totals ?? []) as {
      currency?: unknown;
      amount?: unknown;
    }[];
    for (const t of totals)
      if (typeof t.currency === "string" && typeof t.amount === "number")
        charged.add(t.currency, t.amount, v.id);
    const fallback = typeof totals[0]?.currency === "string" ? totals[0].currency : "XXX";
    const waivers = (Array.isArray(decision?.data.waivers) ? decision.data.waivers : []) as WaiverData[];
    for (const w of waivers) {
      const ruleId = typeof w.ruleId === "string" ? w.ruleId : "unknown";
      const amount = typeof w.amount === "number" ? w.amount : 0;
      const currency = currencyOf(v.customer, w.serviceId, fallback);
      for (const bucket of [add(byRule, ruleId), add(byGroup, waiverGroup(ruleId))]) {
        bucket.ids.push(v.id);
        bucket.money.add(currency, amount, v.id);
      }
      waived.add(currency, amount, v.id);
      const refs = (w.evidence ?? []).map((e) => e.ref);
      if (v.customer?.interactions.some((i) => i.kind === "undisclosed_fee" && refs.includes(i.id))) {
        undisclosed.push(v.id);
        undisclosedMoney.add(currency, amount, v.id);
      }
    }
    const seen = new Set<string>();
    for (const e of v.entries) {
      const key = text(e, "key");
      if (e.kind !== "action" || !key || seen.has(key)) continue;
      seen.add(key);
      if (text(e, "kind") === "credit_promotion") promotions.push(v.id);
      if (text(e, "kind") !== "credit_dispute") continue;
      disputes.push(v.id);
      // The key names the disputes credited: `disputes:<customer>:<id>+<id>`.
      const ids = key.split(":").slice(2).join(":").split("+");
      for (const d of v.customer?.billing.disputes ?? [])
        if (ids.includes(d.id)) disputeMoney.add(d.currency, d.amount, v.id);
    }
  }
  const ruleFigures: WaiverRuleFigure[] = [...byRule.entries()]
    .map(([label, b]) => ({ label, group: waiverGroup(label), ...figure(b.ids), amounts: b.money.figures() }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const groupFigures: (LabelledFigure & { amounts: MoneyFigure[] })[] = [...byGroup.entries()]
    .map(([label, b]) => ({ label, ...figure(b.ids), amounts: b.money.figures() }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return {
    waiversByRule: ruleFigures,
    waiversByGroup: groupFigures,
    waivedTotal: waived.figures(),
    chargedTotal: charged.figures(),
    refunds: {
      disputes: { count: figure(disputes), amounts: disputeMoney.figures() },
      promotions: { count: figure(promotions) },
      undisclosedFees: { count: figure(undisclosed), amounts: undisclosedMoney.figures() },
    },
  };
}
