/**
 * The history card: what an agent should know about this customer at a glance, from the
 * customer record and the decision. Tenure and a recognition line that needs no sign-up, the
 * services, the promises on record (date, who, words), the pain points across departments
 * with dates, the contacts of the last 90 days and the decision's root-cause chain.
 */
import { type Customer, type Interaction, SERVICE_FAILURES } from "../domain/customer.js";
import { isoDate } from "../domain/dates.js";
import type { Decision } from "../domain/decision.js";
import { formatMoney } from "../domain/money.js";
import type { HistoryCard, HistoryEvent } from "./view.js";

/** Interaction kinds that hurt the customer, whichever department recorded them: the service failures and a complaint. */
const PAIN_KINDS = new Set<Interaction["kind"]>([...SERVICE_FAILURES, "complaint"]);

const RECENT_DAYS = 90;
const DAY = 86_400_000;

/** Whole years and months from `since` (YYYY-MM-DD) to `now`: "6 years 2 months". */
export function tenureOf(since: string, now: Date): { years: number; months: number; text: string } {
  const [y, m, d] = since.split("-").map(Number) as [number, number, number];
  let months = (now.getUTCFullYear() - y) * 12 + (now.getUTCMonth() + 1 - m);
  if (now.getUTCDate() < d) months -= 1;
  months = Math.max(0, months);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts: string[] = [];
  if (years > 0) parts.push(`${years} year${years === 1 ? "" : "s"}`);
  if (rest > 0 || years === 0) parts.push(`${rest} month${rest === 1 ? "" : "s"}`);
  return { years, months: rest, text: parts.join(" ") };
}

/** What each vulnerability flag asks of the agent. */
const CARE: Record<Customer["vulnerabilities"][number], string> = {
  bereavement:
    "Bereavement on record: the caller may be family or the executor. Condolences first; no offers, no pressure.",
  financial_difficulty:
    "Financial difficulty on record: no pressure and no offers that cost more; explain what is owed plainly.",
  health: "Health on record: go at their pace; offer to put everything in writing.",
  accessibility:
    "Accessibility needs on record: ask how they prefer to be contacted; offer written follow-up.",
  elderly: "Older customer on record: go at their pace; confirm everything in writing.",
  language: "Language needs on record: plain words, short sentences; offer an interpreter.",
  other: "A vulnerability is on record: take care, no pressure.",
};

function recognitionOf(customer: Customer, now: Date): string {
  const { years, text } = tenureOf(customer.customerSince, now);
  const since = customer.customerSince.slice(0, 4);
  if (customer.vulnerabilities.includes("bereavement"))
    return `Customer since ${since} (${text}): acknowledge the loss before anything else`;
  return years >= 1
    ? `Customer since ${since}: thank them for ${years} year${years === 1 ? "" : "s"} with us`
    : `Customer since ${customer.customerSince}: new (${text}); thank them for choosing us and put right what went wrong`;
}

const event = (at: string, kind: string, summary: string, silo?: string): HistoryEvent =>
  silo ? { at, kind, silo, summary } : { at, kind, summary };

function painPointsOf(customer: Customer, today: string): HistoryEvent[] {
  const out: HistoryEvent[] = customer.interactions
    .filter((i) => PAIN_KINDS.has(i.kind) || i.tags.includes("condescending"))
    .map((i) => event(i.at, i.kind, tagged(i), i.silo));
  for (const d of customer.billing.disputes)
    if (d.open)
      out.push(
        event(
          d.opened,
          "dispute",
          `Open dispute: ${d.reason} (${formatMoney(d.amount, d.currency)})`,
          "billing",
        ),
      );
  for (const s of customer.services) {
    const p = s.promo;
    const from = p?.from ?? s.contract.start;
    if (p && !p.applied && from <= today)
      out.push(
        event(
          from,
          "promotion_not_applied",
          `${p.code} promotion (${formatMoney(p.monthlyDiscount, s.currency)} off a month) sold with ${s.plan} but never applied`,
          "billing",
        ),
      );
    for (const c of s.priceChanges)
      if (!c.statedInContract)
        out.push(
          event(
            c.at,
            "price_rise",
            `${s.plan}: price rose from ${formatMoney(c.from, s.currency)} to ${formatMoney(c.to, s.currency)}, not set out in the contract`,
            "billing",
          ),
        );
  }
  return out.sort(byDate);
}

const tagged = (i: Interaction): string =>
  i.tags.length > 0 ? `${i.summary} [${i.tags.join(", ")}]` : i.summary;

const instant = (at: string) => Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);
const byDate = (a: HistoryEvent, b: HistoryEvent) => instant(a.at) - instant(b.at);

/** The card for `customer`, as of `now`; the root cause is the decision's, when there is one. */
export function historyCardOf(customer: Customer, decision: Decision | undefined, now: Date): HistoryCard {
  const today = isoDate(now);
  const since = now.getTime() - RECENT_DAYS * DAY;
  return {
    customerId: customer.id,
    name: `${customer.name.given} ${customer.name.family}`,
    tenure: tenureOf(customer.customerSince, now).text,
    recognition: recognitionOf(customer, now),
    ...(customer.vulnerabilities.length > 0 ? { care: customer.vulnerabilities.map((v) => CARE[v]) } : {}),
    services: customer.services.map((s) => ({ id: s.id, kind: s.kind, plan: s.plan, status: s.status })),
    promises: customer.promises.map((p) => ({
      at: p.date,
      by: p.by.includes(p.silo) ? p.by : `${p.by} (${p.silo})`,
      words: p.words,
    })),
    painPoints: painPointsOf(customer, today),
    recentContacts: customer.interactions
      .filter((i) => instant(i.at) >= since && instant(i.at) <= now.getTime())
      .map((i) => event(i.at, i.kind, `${i.channel}: ${i.summary}`, i.silo))
      .sort((a, b) => byDate(b, a)),
    rootCause: decision?.rootCause.chain ?? [],
  };
}
