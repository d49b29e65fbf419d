/**
 * What the customer was told about money, checked against the decision: every amount in every
 * message, card, receipt and e-mail is one of the decision's amounts and none is blank; what a
 * service costs to leave, the total, what was waived and what is credited are the same wherever
 * they are said; the notice period and a financed device's balance are never a cost of leaving.
 * Each problem is one plain line naming the run and the text.
 */
import type { Decision } from "../../../src/domain/decision.js";
import { formatMoney, formatTotals, roundMoney } from "../../../src/domain/money.js";
import type { DemoRun } from "../guard/demoRuns.js";

const SYMBOL: Record<string, string> = { "£": "GBP", "€": "EUR", $: "USD" };
/** "£1,234.50", "€12", "$5.00", "399.00 SEK", "3,400.00 NOK". */
const MONEY = /([£€$])\s?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s?(SEK|NOK|DKK|EUR|GBP|USD)\b/g;
/** A currency with no amount, an amount word with nothing after it, a value that never rendered. */
const BLANKS: [RegExp, string][] = [
  [/[£€$](?!\s?\d)/, "a currency symbol without an amount"],
  [
    /\b(?:credit|owe|costs?|pay|refund|total(?: for leaving)?:?)\s{2,}/i,
    "an amount word followed by a blank",
  ],
  [/\(\s*\)/, "empty brackets"],
  [/\b(?:NaN|undefined|null|\[object Object\])\b/, "a value that never rendered"],
  [/\{\{|\}\}/, "an unrendered template"],
];

export interface Mention {
  amount: number;
  currency: string;
  text: string;
}

export function moneyIn(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(MONEY)) {
    const [raw, symbol, a1, a2, code] = m;
    const amount = Number((a1 ?? a2 ?? "").replaceAll(",", ""));
    out.push({ amount, currency: symbol ? (SYMBOL[symbol] ?? symbol) : (code ?? ""), text: raw });
  }
  return out;
}

/** Every amount the decision has, per currency: its own figures, and those its texts state. */
export function decisionAmounts(d: Decision, offers: readonly string[] = []): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  const add = (currency: string, amount: number) => {
    const set = out.get(currency) ?? new Set<number>([0]);
    set.add(roundMoney(amount));
    out.set(currency, set);
  };
  for (const t of d.totals) add(t.currency, t.amount);
  for (const s of d.services) {
    add(s.currency, s.totalDue);
    add(
      s.currency,
      s.waivers.reduce((sum, w) => sum + w.amountWaived, 0),
    );
    for (const f of s.fees) add(f.currency, f.amount);
    for (const w of s.waivers) add(w.currency, w.amountWaived);
  }
  for (const a of d.actions) {
    const amount = Number(a.params.amount);
    if (a.params.amount !== undefined && Number.isFinite(amount) && typeof a.params.currency === "string")
      add(a.params.currency, amount);
  }
  // The decision's own texts: disclosures, waiver reasons, offers and fee explanations.
  const texts = [
    ...d.obligations.map((o) => o.message),
    ...d.waivers.map((w) => w.reason),
    ...d.retention.offers.map((o) => o.text),
    ...offers,
    ...d.services.flatMap((s) => s.fees.map((f) => f.explanation)),
    ...d.actions.flatMap((a) => Object.values(a.params).map(String)),
  ];
  for (const t of texts) for (const m of moneyIn(t)) add(m.currency, m.amount);
  return out;
}

const KIND_NAME = (kind: string) =>
  kind === "tv" ? "TV" : `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;

/** Everything the customer received as text: chat messages, cards (as JSON) and e-mails. */
function received(run: DemoRun): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const [i, m] of run.delivered.entries()) out.push({ where: `message ${i}`, text: m.text });
  for (const [i, n] of run.notifications.entries())
    out.push({ where: `e-mail ${i}`, text: `${n.subject ?? ""}\n${n.body}` });
  return out;
}

/** The problems with the money in one run; empty when there are none. */
export function moneyProblems(run: DemoRun): string[] {
  const problems: string[] = [];
  const problem = (where: string, what: string, text: string) =>
    problems.push(`${run.name}: ${where}: ${what}: ${JSON.stringify(text.slice(0, 300))}`);
  const texts = received(run);
  for (const { where, text } of texts)
    for (const [re, what] of BLANKS) if (re.test(text)) problem(where, what, text);

  const d = run.decision;
  if (!d) return problems;
  const allowed = decisionAmounts(d, run.offers);
  for (const { where, text } of texts)
    for (const m of moneyIn(text))
      if (!allowed.get(m.currency)?.has(roundMoney(m.amount)))
        problem(where, `${m.text} is none of the decision's amounts`, text);

  // The same figure wherever it is said.
  const totals = formatTotals(d.totals);
  for (const { where, text } of texts) {
    for (const m of text.matchAll(/Total for leaving: (.+?)\.(?:\n|$)/g))
      if (m[1] !== totals) problem(where, `total for leaving ${m[1]}, the decision's is ${totals}`, text);
    for (const m of text.matchAll(/Your final bill: (.*?) for leaving/g))
      if (m[1] !== totals)
        problem(where, `final bill ${m[1]} for leaving, the decision's total is ${totals}`, text);
    for (const s of d.services) {
      const due = formatMoney(s.totalDue, s.currency);
      const waived = roundMoney(s.waivers.reduce((sum, w) => sum + w.amountWaived, 0));
      const name = KIND_NAME(s.serviceKind);
      const lines = text.split("\n").filter((l) => l.startsWith(`• ${name}`));
      // Several services of one kind cannot be told apart by their line: their figures are checked as a set.
      const sameKind = d.services.filter((x) => x.serviceKind === s.serviceKind);
      for (const l of lines) {
        const owe = /you owe ([£€$][\d,]+\.\d\d|[\d,]+\.\d\d [A-Z]{3})/i.exec(l)?.[1];
        if (owe !== undefined && !sameKind.some((x) => formatMoney(x.totalDue, x.currency) === owe))
          problem(where, `${name} owes ${owe}, the decision says ${due}`, l);
        const w = /\(([^)]*) waived\)|; ([^;]*) was waived/.exec(l);
        const said = w?.[1] ?? w?.[2];
        if (said !== undefined && said !== formatMoney(waived, s.currency)) {
          const any = sameKind.some(
            (x) =>
              formatMoney(
                x.waivers.reduce((sum, y) => sum + y.amountWaived, 0),
                x.currency,
              ) === said,
          );
          if (!any)
            problem(
              where,
              `${name} waived ${said}, the decision waived ${formatMoney(waived, s.currency)}`,
              l,
            );
        }
      }
    }
  }
  // Cards carry the decision's figures.
  for (const [i, m] of run.delivered.entries()) {
    const data = m.card?.data as
      | { totals?: unknown; services?: { serviceId: string; totalDue: number }[] }
      | undefined;
    if (!data) continue;
    if (data.totals !== undefined && JSON.stringify(data.totals) !== JSON.stringify(d.totals))
      problem(
        `card ${i} (${m.card?.kind})`,
        "totals differ from the decision's",
        JSON.stringify(data.totals),
      );
    for (const s of data.services ?? []) {
      const mine = d.services.find((x) => x.serviceId === s.serviceId);
      if (mine && roundMoney(mine.totalDue) !== roundMoney(s.totalDue))
        problem(`card ${i}`, `${s.serviceId} owes ${s.totalDue}, the decision says ${mine.totalDue}`, "");
    }
  }
  // The notice period is the normal bill up to the end date, never a cost of leaving as well.
  const saysNormalCharges = texts.some((t) => /plus your normal charges up to the end date/.test(t.text));
  for (const s of d.services)
    for (const f of s.fees) {
      if (f.kind === "notice_period" && saysNormalCharges)
        problem(
          "decision",
          `${s.serviceId}'s notice period is a fee for leaving and in the final bill`,
          f.explanation,
        );
      if (f.kind === "device_balance" && texts.some((t) => /pay the balance as agreed/.test(t.text)))
        problem(
          "decision",
          `${s.serviceId}'s device balance is a cost of leaving and paid as agreed`,
          f.explanation,
        );
    }
  // The final bill is issued for what the decision says leaving costs.
  for (const j of run.journal.filter((x) => x.kind === "final_bill"))
    if (j.result.forLeaving !== totals)
      problem(
        "operations",
        `final bill for leaving ${String(j.result.forLeaving)}, the decision's total is ${totals}`,
        "",
      );
  // A credit credits the decision's amount and closes the dispute.
  for (const j of run.journal.filter((x) => x.kind === "credit_dispute")) {
    const amount = Number(j.params.amount);
    if (!(amount > 0) || j.result.credited !== roundMoney(amount))
      problem(
        "operations",
        `credited ${String(j.result.credited)} for a decision amount of ${String(j.params.amount)}`,
        "",
      );
    const ids = String(j.params.disputeIds ?? "").split(",");
    const stillOpen = run.customerAfter?.billing.disputes.filter((x) => ids.includes(x.id) && x.open) ?? [];
    if (stillOpen.length > 0)
      problem("store", `dispute ${stillOpen.map((x) => x.id).join(", ")} still open after its credit`, "");
    const said = texts.some((t) =>
      t.text.includes(`We credit ${formatMoney(amount, String(j.params.currency))}`),
    );
    if (!said) problem("receipt", "the credit is not stated with its amount", "");
  }
  return problems;
}
