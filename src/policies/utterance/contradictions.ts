/**
 * Contradictions between a message and the Decision about how the cancellation goes: sending
 * the customer to a store when the unlock is remote, and saying the customer cannot cancel
 * (or must call) when the decision lets them. Fees and amounts are in feeContradictions.ts,
 * offers in offerContradictions.ts.
 */
import type { Decision, Obligation } from "../../domain/decision.js";
import {
  ABOUT_CANCELLING,
  CANNOT_CANCEL,
  CANNOT_CANCEL_EXCEPT,
  DURATION,
  MUST_USE_OTHER_CHANNEL,
  NO_NEED,
  OPTIONAL,
  STORE_VISIT,
  UNLOCK,
} from "./contradictionLexicon.js";
import { type CheckedText, type Finding, contradiction as finding } from "./finding.js";
import { lexiconHits, passageOf, REFUSAL } from "./lexiconSieve.js";
import type { Range } from "./text.js";

const DIGITS: Record<string, string> = {
  a: "1",
  an: "1",
  one: "1",
  en: "1",
  ett: "1",
  ein: "1",
  eine: "1",
  einen: "1",
  two: "2",
  två: "2",
  zwei: "2",
  three: "3",
  tre: "3",
  drei: "3",
  seven: "7",
  sju: "7",
  sieben: "7",
};
const UNITS: [RegExp, string][] = [
  [/^(?:hours?|hrs?|h|timmar|timme|stunden|stunde|std)$/u, "h"],
  [/^(?:working days?|business days?|arbetsdagar|werktage|werktagen)$/u, "wd"],
  [/^(?:days?|dygn|dagar|dag|tage|tagen|tag)$/u, "d"],
  [/^(?:weeks?|veckor|vecka|wochen|woche)$/u, "w"],
];

function durations(text: string): { key: string; range: Range }[] {
  const out: { key: string; range: Range }[] = [];
  for (const m of DURATION.all(text)) {
    const n = m.groups.n ?? "";
    const unitRaw = m.groups.unit ?? "";
    const unit = UNITS.find(([re]) => re.test(unitRaw))?.[1] ?? unitRaw;
    out.push({ key: `${DIGITS[n] ?? n}${unit}`, range: { start: m.index, end: m.index + m.text.length } });
  }
  return out;
}

/** What the decision's unlock message promises. */
interface UnlockPromise {
  storeInDecision: boolean;
  promised: ReadonlySet<string>;
}

/** What these checks read from a decision, worked out on first need during one check. */
class DecisionFacts {
  readonly unlock: Obligation | undefined;
  /** Whether the decision lets the customer cancel in this conversation. */
  readonly cancelAllowed: boolean;
  private promise?: UnlockPromise;
  private endService?: string;

  constructor(readonly decision: Decision) {
    this.unlock = decision.obligations.find((o) => o.topic === "device_unlock");
    this.cancelAllowed =
      decision.services.length > 0 || decision.actions.some((a) => a.kind === "end_service");
  }

  get unlockPromise(): UnlockPromise {
    if (!this.promise) {
      const message = (this.unlock?.message ?? "").toLowerCase();
      this.promise = {
        storeInDecision: STORE_VISIT.test(message),
        promised: new Set(durations(message).map((d) => d.key)),
      };
    }
    return this.promise;
  }

  /** The rule a "cannot cancel" finding names. */
  get cancelRuleId(): string {
    this.endService ??=
      this.decision.actions.find((a) => a.kind === "end_service")?.ruleId ?? "contradiction.cannot_cancel";
    return this.endService;
  }
}

/** Store visits and waiting times when the decision's unlock is remote. */
export function unlockContradictions(t: CheckedText, decision: Decision): Finding[] {
  const facts = new DecisionFacts(decision);
  const unlock = facts.unlock;
  if (!unlock) return [];
  const hits = lexiconHits(t);
  if (!(hits.mayMatch(UNLOCK, 0, t.lower.length) && UNLOCK.test(t.lower))) return [];
  const { storeInDecision, promised } = facts.unlockPromise;
  const out: Finding[] = [];
  for (const sentence of t.sentences) {
    // The sieve: findings need a store visit, or an unlock word and a duration, in the sentence.
    const store = !storeInDecision && hits.mayMatch(STORE_VISIT, sentence.start, sentence.end);
    const duration =
      hits.mayMatch(UNLOCK, sentence.start, sentence.end) &&
      hits.mayMatch(DURATION, sentence.start, sentence.end);
    if (!store && !duration) continue;
    const s = passageOf(t, sentence);
    if (s.test(OPTIONAL) || s.test(NO_NEED)) continue;
    const visit = storeInDecision ? null : s.exec(STORE_VISIT);
    if (visit) {
      const r = {
        start: sentence.start + visit.index,
        end: sentence.start + visit.index + visit.text.length,
      };
      out.push(
        finding(
          t,
          "remote_unlock",
          unlock.ruleId,
          r,
          "Sends the customer to a store, but the decision unlocks the device remotely.",
          unlock.message,
        ),
      );
    }
    if (!s.test(UNLOCK)) continue;
    for (const d of s.of(durations)) {
      if (promised.has(d.key)) continue;
      const r = { start: sentence.start + d.range.start, end: sentence.start + d.range.end };
      out.push(
        finding(
          t,
          "remote_unlock",
          unlock.ruleId,
          r,
          `Says the unlock takes ${t.text.slice(r.start, r.end)}, but the decision unlocks it remotely as stated in its message.`,
          unlock.message,
        ),
      );
    }
  }
  return out;
}

/** "You can't cancel" / "you must call" when the decision lets the customer cancel here. */
export function cancelContradictions(t: CheckedText, decision: Decision): Finding[] {
  const facts = new DecisionFacts(decision);
  if (!facts.cancelAllowed) return [];
  const hits = lexiconHits(t);
  const out: Finding[] = [];
  for (const sentence of t.sentences) {
    // The sieve: a finding is a match of CANNOT_CANCEL or MUST_USE_OTHER_CHANNEL.
    if (!hits.mayMatch(REFUSAL, sentence.start, sentence.end)) continue;
    const s = passageOf(t, sentence);
    if (s.test(CANNOT_CANCEL_EXCEPT) || s.test(OPTIONAL)) continue;
    const m = s.exec(CANNOT_CANCEL) ?? (s.test(ABOUT_CANCELLING) ? s.exec(MUST_USE_OTHER_CHANNEL) : null);
    if (m) {
      const r = { start: sentence.start + m.index, end: sentence.start + m.index + m.text.length };
      out.push(
        finding(
          t,
          "cannot_cancel",
          facts.cancelRuleId,
          r,
          "Says the customer cannot cancel here (or must use another channel), but the decision lets them cancel in this conversation.",
          "You can cancel right here. I'll take you through it.",
        ),
      );
    }
  }
  return out;
}
