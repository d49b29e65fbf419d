/**
 * Alerts on the agent's speech: each finding of the guardrails' utterance checker becomes an
 * alert with the rule, the offending words and a compliant alternative filled with this
 * customer's facts; plus the two alerts assist raises itself (a confirmation while items are
 * open, a second offer after a decline).
 *
 * Alert ids are stable: `<utteranceId>#<kind>:<ruleId>[:n]`, so the same finding on a partial
 * and on its final is one alert.
 */
import type { Customer } from "../domain/customer.js";
import type { Decision, Obligation } from "../domain/decision.js";
import type { Ledger } from "../domain/ledger.js";
import { formatMoney, formatTotals } from "../domain/money.js";
import {
  checkSpeech,
  checkUtterance,
  type Finding,
  type JudgedFinding,
  type LoadedSpeechModel,
} from "../guardrails/index.js";
import type { CompiledPolicy } from "../policies/index.js";
import type { Alert, UtteranceRef } from "./view.js";

/** What the words are checked against, and how thoroughly. */
export interface SpeechCheck {
  decision?: Decision | undefined;
  ledger?: Ledger | undefined;
  /** The language spoken, when its words tell (`spokenLanguage`); absent: every language's patterns. */
  lang?: string | undefined;
  /**
   * "full" (a final utterance, a draft): `checkSpeech`, the bot's literal checker plus the tone's
   * lemma patterns over wink-nlp. "quick" (a partial, words checked again for contradictions
   * only): the literal checker alone, which finds the same contradictions at a fraction of the cost.
   */
  depth: "full" | "quick";
}

/** What the words are checked with: the policy's tone and, when one is installed, the learned model. */
export interface SpeechCheckers {
  policy: Pick<CompiledPolicy, "tone">;
  /** `policies/tone/speech-model.json`, read by the composition root; absent: patterns alone. */
  speechModel?: LoadedSpeechModel | undefined;
}

/** The one call that finds problems in an agent's words. */
export function findingsInSpeech(checkers: SpeechCheckers, text: string, check: SpeechCheck): Finding[] {
  const { policy, speechModel } = checkers;
  const ctx = {
    speaker: "agent" as const,
    ...(check.decision ? { decision: check.decision } : {}),
    ...(check.ledger ? { ledger: check.ledger } : {}),
  };
  if (check.depth === "quick") return checkUtterance(policy, text, ctx);
  return checkSpeech(
    { tone: policy.tone, speechModel },
    text,
    check.lang ? { ...ctx, lang: check.lang } : ctx,
  );
}

/** What an alternative may be filled with. */
export interface AlertFacts {
  decision?: Decision;
  customer?: Customer;
  now: Date;
}

const yearsWithUs = (customer: Customer, now: Date): number =>
  Math.floor((now.getTime() - Date.parse(`${customer.customerSince}T00:00:00Z`)) / (365.25 * 86_400_000));

/** A neutral rewording per tone category, as an agent would say it on a call. */
const TONE_ALTERNATIVES: Record<string, (f: AlertFacts) => string> = {
  guilt_tripping: (f) => `${thanks(f)}I'll take you through the cancellation now.`,
  confirmshaming: () => "Whatever you decide is fine. Shall I go ahead with the cancellation?",
  pressure_false_urgency: () => "There's no rush. Take the time you need; nothing changes until you confirm.",
  obstruction: () => "You can cancel right here on this call. I'll take you through it.",
  condescension: (f) =>
    `I'm sorry${f.customer ? `, ${f.customer.name.given}` : ""}; that should not have happened. Let's sort out what you need now.`,
  blame: () => "I'm sorry that happened. Let me put it right.",
  misleading_fees: (f) => (f.decision ? totalDue(f.decision) : "Let me check the exact amount for you."),
  dissuasion: () => "Understood. I'll carry on with the cancellation.",
};

function thanks(f: AlertFacts): string {
  if (!f.customer) return "Thank you for letting me know. ";
  const years = yearsWithUs(f.customer, f.now);
  return years >= 1
    ? `Thank you for your ${years} year${years === 1 ? "" : "s"} with us, ${f.customer.name.given}. `
    : `Thank you for letting me know, ${f.customer.name.given}. `;
}

function totalDue(decision: Decision): string {
  const due = formatTotals(decision.totals);
  return due === "nothing" ? "You pay nothing for leaving." : `The total due for leaving is ${due}.`;
}

/** The compliant alternative for a contradiction, from the decision itself. */
function contradictionAlternative(f: Finding, facts: AlertFacts): string | undefined {
  const d = facts.decision;
  if (!d) return f.alternative;
  if (f.category === "fee_not_due" || f.category === "amount_mismatch") {
    const waivers = d.waivers.filter((w) => w.amountWaived > 0);
    if (waivers.length === 0) return totalDue(d);
    const waived = waivers.map((w) => formatMoney(w.amountWaived, w.currency)).join(" and ");
    const reason = waivers[0]?.reason ?? "";
    return `${reason} ${waivers.length > 1 ? `In all, ${waived} is waived. ` : ""}${totalDue(d)}`.trim();
  }
  return f.alternative;
}

/** Builds alert ids: the same kind and rule again in one utterance gets `:2`, `:3` … */
function idMaker(utteranceId: string): (kind: Alert["kind"], ruleId: string) => string {
  const seen = new Map<string, number>();
  return (kind, ruleId) => {
    const base = `${utteranceId}#${kind}:${ruleId}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}:${n}`;
  };
}

const alertKind = (f: Finding): Alert["kind"] =>
  f.kind === "tone" ? "tone" : f.category === "extra_offer" ? "offer" : "contradiction";

/** Alerts for the findings on one utterance of the agent, in text order. */
export function alertsFromFindings(
  findings: readonly Finding[],
  utterance: UtteranceRef,
  facts: AlertFacts,
): Alert[] {
  const id = idMaker(utterance.utteranceId);
  return findings.map((f) => {
    const kind = alertKind(f);
    const alternative =
      kind === "tone"
        ? (TONE_ALTERNATIVES[f.category]?.(facts) ?? f.alternative)
        : contradictionAlternative(f, facts);
    const citation = kind === "tone" ? undefined : citationOf(facts.decision, f.ruleId);
    return {
      id: id(kind, f.ruleId),
      kind,
      severity: kind === "tone" ? "warning" : "violation",
      ruleId: f.ruleId,
      message: f.message,
      words: f.span.text,
      ...(alternative ? { alternative } : {}),
      utterance,
      ...(citation ? { citation } : {}),
      dismissed: false,
    } satisfies Alert;
  });
}

/**
 * Alerts for what the LLM judge found on an agent's final utterance, a moment after it was said
 * (`llm_judge`, a warning: a second opinion, never a rule), with the same neutral rewording.
 */
export function judgeAlerts(
  findings: readonly JudgedFinding[],
  utterance: UtteranceRef,
  facts: AlertFacts,
): Alert[] {
  const id = idMaker(utterance.utteranceId);
  return findings.map((f) => {
    const alternative = TONE_ALTERNATIVES[f.category]?.(facts) ?? f.alternative;
    return {
      id: id("llm_judge", f.ruleId),
      kind: "llm_judge",
      severity: "warning",
      ruleId: f.ruleId,
      message: f.message,
      words: f.span.text,
      ...(alternative ? { alternative } : {}),
      utterance,
      dismissed: false,
    } satisfies Alert;
  });
}

function citationOf(decision: Decision | undefined, ruleId: string): string | undefined {
  return decision?.obligations.find((o) => o.ruleId === ruleId)?.citation;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A confirmation while obligations due before it are still open: what is still to be said. */
export function openObligationsAlert(open: readonly Obligation[], utterance: UtteranceRef): Alert {
  const topics = [...new Set(open.map((o) => o.topic.replaceAll("_", " ")))];
  const first = open[0] as Obligation;
  return {
    id: `${utterance.utteranceId}#open_obligations`,
    kind: "open_obligations",
    severity: "violation",
    ruleId: first.ruleId,
    message: `Confirms the cancellation with ${plural(open.length, "item")} not yet told: ${topics.join(", ")}.`,
    words: utterance.text,
    alternative: `Before I go ahead: ${first.message}`,
    utterance,
    ...(first.citation ? { citation: first.citation } : {}),
    dismissed: false,
  };
}

/** A retention offer after the customer declined, when the checker did not already say so. */
export function offerAfterDeclineAlert(utterance: UtteranceRef): Alert {
  return {
    id: `${utterance.utteranceId}#offer:contradiction.extra_offer`,
    kind: "offer",
    severity: "violation",
    ruleId: "contradiction.extra_offer",
    message: "Makes a retention offer, but the customer has already declined one.",
    words: utterance.text,
    alternative: "Understood. I'll carry on with the cancellation.",
    utterance,
    dismissed: false,
  };
}
