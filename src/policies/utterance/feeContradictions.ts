/**
 * Fee contradictions: announcing a fee the decision waived (or does not have), and stating an
 * amount to pay that is not the decision's.
 */
import type { Decision, ServiceOutcome, WaiverApplied } from "../decision.js";
import {
  AMOUNT_CONTEXT,
  CHARGE,
  EARLY,
  FEE_NAMES,
  type FeeKind,
  GENERIC_FEE,
  IF_NOT_RETURNED,
  LEAVING,
  MONTHS_TO_PAY,
  NOT_A_CHARGE,
  NOT_CHARGED,
  NOT_THIS_AMOUNT,
  PER_PERIOD,
  STILL,
  WAIVER_WORDS,
} from "./contradictionLexicon.js";
import { type CheckedText, type Finding, contradiction as finding } from "./finding.js";
import { moneyMentions, resolveCurrency, sameAmount } from "./money.js";
import { clauseRanges, type Range } from "./text.js";
import type { WordMatch } from "./wordPattern.js";

type FeeStatus = { status: "due" } | { status: "waived"; waiver?: WaiverApplied; service: ServiceOutcome };

const money = (amount: number, currency: string): string => `${amount} ${currency}`;

function waiversOf(decision: Decision, s: ServiceOutcome): WaiverApplied[] {
  return s.waivers.length > 0 ? s.waivers : decision.waivers.filter((w) => w.serviceId === s.serviceId);
}

/** Per fee kind: due somewhere, or present but fully waived (or capped to nothing) everywhere. */
export function feeStatus(decision: Decision): Map<FeeKind, FeeStatus> {
  const out = new Map<FeeKind, FeeStatus>();
  for (const s of decision.services) {
    const waivers = waiversOf(decision, s);
    for (const fee of s.fees) {
      if (out.get(fee.kind)?.status === "due") continue;
      const covering = waivers.filter((w) => w.feeKinds.includes(fee.kind));
      const kinds = new Set(covering.flatMap((w) => w.feeKinds));
      const owed = s.fees.filter((f) => kinds.has(f.kind)).reduce((sum, f) => sum + f.amount, 0);
      const waived = covering.reduce((sum, w) => sum + w.amountWaived, 0);
      const fullyWaived =
        (covering.length > 0 && waived >= owed - 0.005) || s.totalDue <= 0.005 || fee.amount <= 0;
      out.set(
        fee.kind,
        fullyWaived
          ? { status: "waived", service: s, ...(covering[0] ? { waiver: covering[0] } : {}) }
          : { status: "due" },
      );
    }
  }
  return out;
}

function totalsLine(decision: Decision): string {
  const totals =
    decision.totals.length > 0
      ? decision.totals
      : [{ amount: 0, currency: decision.services[0]?.currency ?? "" }];
  return `The total due is ${totals.map((t) => money(t.amount, t.currency)).join(" and ")}.`;
}

/** Fee announcements and amounts, clause by clause. */
export function feeContradictions(t: CheckedText, decision: Decision): Finding[] {
  if (decision.services.length === 0) return [];
  const out: Finding[] = [];
  const status = feeStatus(decision);
  const currencies = [
    ...new Set([...decision.totals.map((x) => x.currency), ...decision.services.map((s) => s.currency)]),
  ];
  for (const sentence of t.sentences) {
    const sText = t.lower.slice(sentence.start, sentence.end);
    if (sText.trimEnd().endsWith("?")) continue;
    if (IF_NOT_RETURNED.test(sText)) continue;
    const sentenceWaives = WAIVER_WORDS.test(sText);
    for (const clause of clauseRanges(sText, sentence.start)) {
      const c = t.lower.slice(clause.start, clause.end);
      if (NOT_CHARGED.test(c) || (sentenceWaives && !STILL.test(c))) continue;
      const amounts = moneyMentions(c);
      const charged = CHARGE.test(c) || amounts.length > 0;
      out.push(...feeKindFindings(t, decision, status, clause, c, charged));
      if (NOT_A_CHARGE.test(c) || !(CHARGE.test(c) || AMOUNT_CONTEXT.test(c))) continue;
      for (const m of amounts) {
        if (PER_PERIOD.test(c.slice(m.end)) || NOT_THIS_AMOUNT.test(c.slice(0, m.start))) continue;
        const currency = resolveCurrency(m.currency, currencies);
        const feeNamed = FEE_NAMES.some((f) => f.regex.test(c)) || GENERIC_FEE.test(c);
        const allowed = allowedAmounts(
          decision,
          currency,
          !feeNamed ? "total" : CHARGE.test(c) ? "owed" : "stated",
        );
        if (allowed.some((a) => sameAmount(a, m.amount))) continue;
        const total = decision.totals.find((x) => x.currency === currency);
        const r = { start: clause.start + m.start, end: clause.start + m.end };
        out.push(
          finding(
            t,
            "amount_mismatch",
            "contradiction.amount_mismatch",
            r,
            total
              ? `Says ${money(m.amount, currency)} is to be paid, but the decision's total due is ${money(total.amount, currency)}.`
              : `Says ${money(m.amount, currency)} is to be paid, but the decision has nothing due in ${currency}.`,
            totalsLine(decision),
          ),
        );
      }
    }
  }
  return out;
}

function feeKindFindings(
  t: CheckedText,
  decision: Decision,
  status: Map<FeeKind, FeeStatus>,
  clause: Range,
  c: string,
  charged: boolean,
): Finding[] {
  const named: { kinds: FeeKind[]; label: string; at: Range }[] = [];
  const at = (m: WordMatch): Range => ({
    start: clause.start + m.index,
    end: clause.start + m.index + m.text.length,
  });
  for (const f of FEE_NAMES) {
    const m = f.regex.exec(c);
    if (m && (f.kind !== "notice_period" || charged))
      named.push({ kinds: [f.kind], label: f.label, at: at(m) });
  }
  const generic = GENERIC_FEE.exec(c);
  if (named.length === 0 && generic && LEAVING.test(c))
    named.push({ kinds: ["exit_fee"], label: "a fee for leaving", at: at(generic) });
  const early = named.length === 0 && charged && CHARGE.test(c) ? EARLY.exec(c) : null;
  if (early) named.push({ kinds: ["exit_fee"], label: "a charge for leaving early", at: at(early) });
  const months = MONTHS_TO_PAY.exec(c);
  if (months && CHARGE.test(c))
    named.push({
      kinds: ["exit_fee", "notice_period"],
      label: `payment for "${months.text}"`,
      at: at(months),
    });

  const out: Finding[] = [];
  for (const n of named) {
    const states = n.kinds.map((k) => status.get(k));
    if (states.some((s) => s?.status === "due")) continue;
    const waived = states.find((s): s is Extract<FeeStatus, { status: "waived" }> => s?.status === "waived");
    if (waived) {
      const w = waived.waiver;
      out.push(
        finding(
          t,
          "fee_not_due",
          w?.ruleId ?? "contradiction.fee_not_due",
          n.at,
          w
            ? `Announces ${n.label}, but the decision waived it (${w.reason}).`
            : `Announces ${n.label}, but the decision leaves nothing due for ${waived.service.serviceId}.`,
          w ? `${w.reason} ${totalsLine(decision)}` : totalsLine(decision),
        ),
      );
    } else if (n.kinds.length === 1 && n.kinds[0] !== "notice_period") {
      out.push(
        finding(
          t,
          "fee_not_due",
          "contradiction.fee_not_due",
          n.at,
          `Announces ${n.label}, but the decision has no such fee.`,
          totalsLine(decision),
        ),
      );
    }
  }
  return out;
}

/**
 * Amounts that may be said in `currency`: totals and service totals; when the clause names a
 * fee, also fee lines no waiver touches (and the amounts in their explanations); and when it
 * only states a fee rather than asking for payment ("stated"), fee lines partly waived too.
 */
function allowedAmounts(decision: Decision, currency: string, mode: "total" | "owed" | "stated"): number[] {
  const out = [0];
  for (const x of decision.totals) if (x.currency === currency) out.push(x.amount);
  for (const s of decision.services) {
    if (s.currency === currency) out.push(s.totalDue);
    if (mode === "total") continue;
    const waivers = waiversOf(decision, s);
    for (const f of s.fees) {
      if (f.currency !== currency) continue;
      const covering = waivers.filter((w) => w.feeKinds.includes(f.kind));
      const full = covering.reduce((sum, w) => sum + w.amountWaived, 0) >= f.amount - 0.005;
      if (covering.length > 0 && (mode === "owed" || full)) continue;
      out.push(f.amount);
      for (const m of moneyMentions(f.explanation.toLowerCase())) out.push(m.amount);
    }
  }
  return out;
}
