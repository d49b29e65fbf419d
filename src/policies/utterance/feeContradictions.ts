/**
 * Fee contradictions: announcing a fee the decision waived (or does not have), and stating an
 * amount to pay that is not the decision's.
 */
import type { Decision, ServiceOutcome, WaiverApplied } from "../../domain/decision.js";
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
import { FEE_OR_MONEY, lexiconHits, passageOf } from "./lexiconSieve.js";
import { MONEY, type MoneyMention, moneyMentions, resolveCurrency, sameAmount } from "./money.js";
import type { Passage } from "./passage.js";
import { lowerSameLength } from "./phrase.js";
import { normalizeForMatching, type Range } from "./text.js";
import type { WordMatch } from "./wordPattern.js";

type FeeStatus = { status: "due" } | { status: "waived"; waiver?: WaiverApplied; service: ServiceOutcome };

const money = (amount: number, currency: string): string => `${amount} ${currency}`;
const collapse = (s: string): string => s.replace(/\s+/g, " ").trim();

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

/**
 * What the fee checks need from a decision, worked out on first need during one check (made
 * by `feeContradictions`; nothing is kept between checks).
 */
class FeeFacts {
  private fees?: Map<FeeKind, FeeStatus>;
  private line?: string;
  private readonly allowed = new Map<string, number[]>();
  private disclosures?: string[];
  readonly currencies: string[];

  constructor(readonly decision: Decision) {
    this.currencies = [
      ...new Set([...decision.totals.map((x) => x.currency), ...decision.services.map((s) => s.currency)]),
    ];
  }

  get status(): Map<FeeKind, FeeStatus> {
    this.fees ??= feeStatus(this.decision);
    return this.fees;
  }

  /**
   * Whether `sentence` (normalised and lower-cased like the checked text) is the decision's own
   * words: part of one of its disclosures ("You still owe £300.00 on your phone … pay the balance
   * as agreed" states a debt the decision discloses, not a fee for leaving).
   */
  isDisclosed(sentence: string): boolean {
    const said = collapse(sentence);
    if (said.length < 12) return false;
    this.disclosures ??= this.decision.obligations.map((o) =>
      collapse(lowerSameLength(normalizeForMatching(o.message))),
    );
    return this.disclosures.some((d) => d.includes(said));
  }

  get totalsLine(): string {
    this.line ??= totalsLine(this.decision);
    return this.line;
  }

  /** Whether amount `m` may be said (in its currency as resolved for this decision). */
  allows(m: MoneyMention, mode: AmountMode): boolean {
    const currency = resolveCurrency(m.currency, this.currencies);
    const key = `${mode}\u0000${currency}`;
    let amounts = this.allowed.get(key);
    if (!amounts) {
      amounts = allowedAmounts(this.decision, currency, mode);
      this.allowed.set(key, amounts);
    }
    return amounts.some((a) => sameAmount(a, m.amount));
  }
}

/**
 * Fee announcements and amounts, clause by clause. What a clause would report is worked out
 * first, and the checks that only ever drop a report (a question, "if you don't return it",
 * "not", a waiver without "still") run only when there is one: every check is a pure test of
 * the clause or sentence, so their order does not change what is found.
 */
export function feeContradictions(t: CheckedText, decision: Decision): Finding[] {
  if (decision.services.length === 0) return [];
  const facts = new FeeFacts(decision);
  const hits = lexiconHits(t);
  const out: Finding[] = [];
  // The sieve (lexiconSieve.ts): a clause announces a fee only when it names one (a fee name,
  // a generic fee word, "early" or months to pay: feeKindFindings has nothing else to report)
  // and states an amount only when money is mentioned in it. A clause where none of these can
  // match gives no finding and is skipped, and so is a sentence without such a clause.
  for (const sentence of t.sentences) {
    if (!hits.mayMatch(FEE_OR_MONEY, sentence.start, sentence.end)) continue;
    if (facts.isDisclosed(t.lower.slice(sentence.start, sentence.end))) continue;
    const s = passageOf(t, sentence);
    if (s.text.trimEnd().endsWith("?")) continue;
    const reports: [Passage, Finding[]][] = [];
    for (const clause of s.clauses()) {
      if (!hits.mayMatch(FEE_OR_MONEY, clause.start, clause.end)) continue;
      const c = passageOf(t, clause);
      const found = clauseFindings(t, facts, c);
      if (found.length > 0) reports.push([c, found]);
    }
    if (reports.length === 0 || s.test(IF_NOT_RETURNED)) continue;
    const sentenceWaives = s.test(WAIVER_WORDS);
    for (const [c, found] of reports) {
      if (c.test(NOT_CHARGED) || (sentenceWaives && !c.test(STILL))) continue;
      out.push(...found);
    }
  }
  return out;
}

function clauseFindings(t: CheckedText, facts: FeeFacts, c: Passage): Finding[] {
  const { decision } = facts;
  const amounts = c.mayMatch(MONEY) ? c.of(moneyMentions) : [];
  // "your charges for leaving early (£0.00)": a fee stated as nothing announces no fee, and
  // nothing is always an amount the decision allows.
  if (amounts.length > 0 && amounts.every((m) => m.amount === 0)) return [];
  const chargeWord = c.test(CHARGE);
  const out = feeKindFindings(t, facts, c, chargeWord || amounts.length > 0, chargeWord);
  if (amounts.length === 0) return out;
  // An amount the decision allows even without a fee named (a total) is allowed whatever the
  // clause says: such amounts need none of the tests below.
  const questioned = amounts.filter((m) => !facts.allows(m, "total"));
  if (questioned.length === 0 || c.test(NOT_A_CHARGE) || !(chargeWord || c.test(AMOUNT_CONTEXT))) return out;
  let feeNamed: boolean | undefined;
  for (const m of questioned) {
    if (PER_PERIOD.test(c.text.slice(m.end)) || NOT_THIS_AMOUNT.test(c.text.slice(0, m.start))) continue;
    feeNamed ??= FEE_NAMES.some((f) => c.test(f.regex)) || c.test(GENERIC_FEE);
    if (facts.allows(m, !feeNamed ? "total" : chargeWord ? "owed" : "stated")) continue;
    const currency = resolveCurrency(m.currency, facts.currencies);
    const total = decision.totals.find((x) => x.currency === currency);
    const r = { start: c.range.start + m.start, end: c.range.start + m.end };
    out.push(
      finding(
        t,
        "amount_mismatch",
        "contradiction.amount_mismatch",
        r,
        total
          ? `Says ${money(m.amount, currency)} is to be paid, but the decision's total due is ${money(total.amount, currency)}.`
          : `Says ${money(m.amount, currency)} is to be paid, but the decision has nothing due in ${currency}.`,
        facts.totalsLine,
      ),
    );
  }
  return out;
}

function feeKindFindings(
  t: CheckedText,
  facts: FeeFacts,
  c: Passage,
  charged: boolean,
  chargeWord: boolean,
): Finding[] {
  const named: { kinds: FeeKind[]; label: string; at: Range }[] = [];
  for (const f of FEE_NAMES) {
    const m = c.exec(f.regex);
    if (m && (f.kind !== "notice_period" || charged))
      named.push({ kinds: [f.kind], label: f.label, at: rangeIn(c, m) });
  }
  const generic = c.exec(GENERIC_FEE);
  if (named.length === 0 && generic && c.test(LEAVING))
    named.push({ kinds: ["exit_fee"], label: "a fee for leaving", at: rangeIn(c, generic) });
  const early = named.length === 0 && charged && chargeWord ? c.exec(EARLY) : null;
  if (early) named.push({ kinds: ["exit_fee"], label: "a charge for leaving early", at: rangeIn(c, early) });
  const months = c.exec(MONTHS_TO_PAY);
  if (months && chargeWord)
    named.push({
      kinds: ["exit_fee", "notice_period"],
      label: `payment for "${months.text}"`,
      at: rangeIn(c, months),
    });

  const out: Finding[] = [];
  if (named.length === 0) return out;
  for (const n of named) {
    const states = n.kinds.map((k) => facts.status.get(k));
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
          w ? `${w.reason} ${facts.totalsLine}` : facts.totalsLine,
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
          facts.totalsLine,
        ),
      );
    }
  }
  return out;
}

type AmountMode = "total" | "owed" | "stated";

/** Where match `m` of clause `c` is in the checked text. */
const rangeIn = (c: Passage, m: WordMatch): Range => ({
  start: c.range.start + m.index,
  end: c.range.start + m.index + m.text.length,
});

/**
 * Amounts that may be said in `currency`: totals and service totals; when the clause names a
 * fee, also fee lines no waiver touches (and the amounts in their explanations); and when it
 * only states a fee rather than asking for payment ("stated"), fee lines partly waived too.
 */
function allowedAmounts(decision: Decision, currency: string, mode: AmountMode): number[] {
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
