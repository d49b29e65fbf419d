/**
 * Where the bot asks an LLM, and what it does when the answer is late, wrong or unsafe: it
 * carries on with what it had. The LLM is asked only when the rules are unsure (to classify,
 * see rulesUnsure) or when a template could be worded more warmly (to phrase); it never sees
 * personal data (see redactForLlm), it never removes a request for a person or a flag the
 * rules raised, it never supplies identity facts, money or a step that commits the customer,
 * and its wording is sent only when it passes the tone check and keeps every fact.
 *
 * @example
 * import { phraseWithLlm, understandWithLlm } from "./llmFallback.js";
 * const understanding = await understandWithLlm(rules, llm, { text, expecting, language }, 2000, {
 *   names: [customer.name.given, customer.name.family],
 *   onUsed: (u) => turn.record("understanding", { source: "rules+llm", ...u }),
 *   onFallback: (f) => logger.warn({ reason: f.reason }, "LLM fallback"),
 * });
 * const { text } = await phraseWithLlm(template, llm, { locale: "en-GB", purpose: "state the fee" },
 *   (t) => checkUtterance(pack, t, { speaker: "bot", decision }), 2000);
 */

import type { Llm, LlmRephraseRequest, LlmUnderstandRequest } from "../../domain/llm.js";
import { LlmError, type LlmErrorCode } from "../../domain/llmError.js";
import { checkLlmUnderstanding, type LlmUnderstanding } from "../../domain/llmUnderstanding.js";
import type { Expectation, Intent, Understanding } from "../../domain/understanding.js";
import type { Finding } from "../../guardrails/index.js";
import { createRedactor, placeholdersIn } from "../../guardrails/index.js";
import { compareFacts } from "./factTokens.js";
import { introducedNames } from "./introducedNames.js";
import { rulesUnsure, type Unsure } from "./rulesUnsure.js";
import { type BudgetResult, withBudget } from "./withBudget.js";

export { LLM_CONFIDENCE_THRESHOLD, rulesUnsure, type Unsure } from "./rulesUnsure.js";

export type LlmFallbackReason =
  /** No answer within the budget. */
  | "timeout"
  /** The caller's signal fired (conversation ended). */
  | "aborted"
  /** The LLM call failed (connection, HTTP error). */
  | "llm_error"
  /** The answer is not what was asked for (not JSON, wrong shape, empty, refused, too long). */
  | "invalid_output"
  /** The rewording lost or invented a placeholder for personal data. */
  | "placeholder_changed"
  /** The rewording dropped, changed or added a number, amount, date or code. */
  | "facts_changed"
  /** The rewording failed the tone check. */
  | "tone";

/** What the audit records when the LLM's answer was not used. Carries no customer text. */
export interface LlmFallback {
  step: "understand" | "phrase";
  reason: LlmFallbackReason;
  /** Plain words: error code and status, schema issues, tone rule ids, how many facts differ. */
  detail: string;
  errorCode?: LlmErrorCode;
}

export interface LlmCallOptions {
  /** Names of the people concerned (customer, account holder), redacted like other personal data. */
  names?: readonly string[];
  /** Aborts the call early (e.g. the conversation ended). */
  signal?: AbortSignal;
  /** Told why the LLM's answer was not used, for the audit log. */
  onFallback?: (fallback: LlmFallback) => void;
  /** Told which of the LLM's labels were taken (and which ignored), for the audit log. */
  onUsed?: (used: LlmUsed) => void;
  /** Told that the rules were unsure and the LLM is asked, with why. */
  onAsked?: (why: Unsure) => void;
  /**
   * Facts the conversation already holds (from earlier messages): the LLM does not replace
   * them, only the customer's own words, read by the rules, do.
   */
  settled?: readonly FillableFact[];
}

/** The facts an LLM may fill when the rules left them empty. */
export type FillableFact = "reason" | "serviceKinds" | "keepNumber" | "claim" | "surveyCause";

/** What the audit records when the LLM classified a message: labels only, never the text. */
export interface LlmUsed {
  /** Why the rules were unsure. */
  why: Unsure;
  /** The intents of the merged understanding, most likely first. */
  intents: Intent[];
  confidence: number;
  /** The fields the LLM's answer supplied (reason, serviceKinds, topics …). */
  taken: string[];
  /** What of the LLM's answer was not taken, and why ("intent:keep_service", "claim:money" …). */
  ignored: string[];
}

/**
 * The rules' understanding, completed by the LLM when one is configured and the rules are
 * unsure (see `rulesUnsure`). Falls back to `rules` on timeout, error or invalid output,
 * telling `options.onFallback` why. See `mergeUnderstanding` for what the LLM may change.
 */
export async function understandWithLlm(
  rules: Understanding,
  llm: Llm | undefined,
  request: LlmUnderstandRequest,
  budgetMs: number,
  options: LlmCallOptions = {},
): Promise<Understanding> {
  if (!llm) return rules;
  const why = rulesUnsure(rules, request.expecting, request.text);
  if (!why) return rules;
  options.onAsked?.(why);
  // Names the customer gives in the message are redacted too: before identification no others are known.
  const redactor = createRedactor({ names: [...(options.names ?? []), ...introducedNames(request.text)] });
  const redacted: LlmUnderstandRequest = { ...request, text: redactor.redact(request.text) };
  const result = await withBudget(budgetMs, (signal) => llm.understand(redacted, signal), options.signal);
  const fallback = (reason: LlmFallbackReason, detail: string, errorCode?: LlmErrorCode): Understanding => {
    options.onFallback?.({ step: "understand", reason, detail, ...(errorCode ? { errorCode } : {}) });
    return rules;
  };
  if (!result.ok) return fallback(...failure(result));
  const checked = checkLlmUnderstanding(result.value);
  if (!checked.ok) return fallback("invalid_output", checked.issues.join("; "), "schema_mismatch");
  const { merged, taken, ignored } = merge(rules, checked.value, request.expecting, options.settled ?? []);
  options.onUsed?.({ why, intents: merged.intents, confidence: merged.confidence, taken, ignored });
  return merged;
}

const ASK_PERSON: Intent = "ask_person";

/**
 * Intents never taken from an LLM: `identify` (identity is the rules' alone), and the answers
 * that would keep the customer (`keep_service`, `accept_offer`): staying needs words the rules
 * understood, never a model's reading.
 */
const NEVER_FROM_LLM: ReadonlySet<Intent> = new Set(["identify", "keep_service", "accept_offer", "unknown"]);

/** At the confirmation, the answer that cancels (or not) is the customer's own words, read by the rules. */
const NOT_AT: Partial<Record<Expectation, ReadonlySet<Intent>>> = {
  confirm: new Set(["yes", "no", "cancel"]),
};

/** Digits, currency signs or a placeholder: a claim with these would carry money or personal data. */
const MONEY_OR_DATA = /[\d£$€¥]|\b(?:kr|sek|eur|gbp|usd|pounds?|euros?|kronor)\b|\[[A-Z]+_\d+\]/i;

/**
 * Merges what the LLM said into the rules' understanding (`source: "rules+llm"`):
 * - `intents` and `confidence` are the LLM's (unless it said nothing usable), and an
 *   `ask_person` the rules found is kept, first: a request for a person is always honoured;
 *   the LLM never supplies `identify`, `keep_service` or `accept_offer`, nor at the
 *   confirmation (`expecting: "confirm"`) `yes`, `no` or `cancel`;
 * - `legalThreat` and `injectionAttempt` are raised if either says so, never cleared;
 * - `topics` are the union of both;
 * - `reason`, `serviceKinds`, `keepNumber`, `claim` and `surveyCause` the rules found stand
 *   (a reason or survey cause the rules could only tag `other` may be refined), and so do
 *   those the conversation already holds (`settled`); the LLM fills only those left empty,
 *   and a claim whose text carries a number, an amount or a
 *   placeholder is not taken (the LLM never supplies money);
 * - `language`, `accountNumber`, `postcode`, `newPostcode` and `correctsPostcode` are the
 *   rules' alone (the LLM never sees them, and its schema has no field for them).
 */
export function mergeUnderstanding(
  rules: Understanding,
  llm: LlmUnderstanding,
  expecting: Expectation = "anything",
  settled: readonly FillableFact[] = [],
): Understanding {
  return merge(rules, llm, expecting, settled).merged;
}

function merge(
  rules: Understanding,
  llm: LlmUnderstanding,
  expecting: Expectation,
  settled: readonly FillableFact[],
): { merged: Understanding; taken: string[]; ignored: string[] } {
  const taken: string[] = [];
  const ignored: string[] = [];
  const notHere = NOT_AT[expecting];
  const llmIntents = unique(llm.intents ?? []).filter((i) => {
    const refused = NEVER_FROM_LLM.has(i) || notHere?.has(i) === true;
    if (refused && i !== "unknown") ignored.push(`intent:${i}`);
    return !refused;
  });
  let intents: Intent[] = llmIntents.length > 0 ? llmIntents : [...rules.intents];
  if (llmIntents.length > 0) taken.push("intents");
  if (rules.intents.includes(ASK_PERSON) && !intents.includes(ASK_PERSON)) intents = [ASK_PERSON, ...intents];
  const confidence = llmIntents.length > 0 ? (llm.confidence ?? rules.confidence) : rules.confidence;
  const topics = unique([...rules.topics, ...(llm.topics ?? [])]);
  if (topics.length > rules.topics.length) taken.push("topics");
  const merged: Understanding = {
    ...rules,
    intents,
    confidence,
    topics,
    legalThreat: rules.legalThreat || llm.legalThreat === true,
    injectionAttempt: rules.injectionAttempt || llm.injectionAttempt === true,
    source: "rules+llm",
  };
  if (merged.legalThreat && !rules.legalThreat) taken.push("legalThreat");
  if (merged.injectionAttempt && !rules.injectionAttempt) taken.push("injectionAttempt");
  const fill = <K extends FillableFact>(key: K, refinable = false) => {
    const value = llm[key];
    if (value === undefined) return;
    if (settled.includes(key)) {
      ignored.push(`${key}:settled`);
      return;
    }
    const open = rules[key] === undefined || (refinable && rules[key] === "other");
    if (!open) {
      if (JSON.stringify(value) !== JSON.stringify(rules[key])) ignored.push(`${key}:rules`);
      return;
    }
    merged[key] = value as Understanding[K];
    taken.push(key);
  };
  fill("reason", true);
  fill("serviceKinds");
  fill("keepNumber");
  if (llm.claim && MONEY_OR_DATA.test(llm.claim.text)) ignored.push("claim:money");
  else fill("claim");
  fill("surveyCause", true);
  return { merged, taken, ignored };
}

/** Checks a wording before it is sent: findings (none = fine) or a verdict (`true` = fine). */
export type PhraseCheck = (text: string) => readonly Finding[] | boolean;

export interface Phrased {
  text: string;
  source: "template" | "llm";
  /** Why the LLM's wording was not used; absent when it was, or when no LLM is configured. */
  fallbackReason?: LlmFallbackReason;
}

/** A rewording longer than this many times the template (plus a little) is rejected. */
const MAX_GROWTH = 2;

/**
 * The template reworded by the LLM, or the template itself. The rewording is used only when
 * it keeps every placeholder, states exactly the template's numbers, amounts, dates and codes,
 * and passes `check` (the tone checker, with the decision when there is one).
 */
export async function phraseWithLlm(
  template: string,
  llm: Llm | undefined,
  request: Omit<LlmRephraseRequest, "text">,
  check: PhraseCheck,
  budgetMs: number,
  options: LlmCallOptions = {},
): Promise<Phrased> {
  if (!llm) return { text: template, source: "template" };
  const fallback = (reason: LlmFallbackReason, detail: string, errorCode?: LlmErrorCode): Phrased => {
    options.onFallback?.({ step: "phrase", reason, detail, ...(errorCode ? { errorCode } : {}) });
    return { text: template, source: "template", fallbackReason: reason };
  };
  const redactor = createRedactor({ names: options.names ?? [] });
  const redacted: LlmRephraseRequest = {
    text: redactor.redact(template),
    locale: request.locale,
    purpose: redactor.redact(request.purpose),
  };
  const result = await withBudget(budgetMs, (signal) => llm.rephrase(redacted, signal), options.signal);
  if (!result.ok) return fallback(...failure(result));

  const answer = typeof result.value === "string" ? result.value.trim() : "";
  if (answer === "") return fallback("invalid_output", "empty rewording", "empty");
  if (answer.length > template.length * MAX_GROWTH + 80)
    return fallback("invalid_output", `rewording is ${answer.length} characters for ${template.length}`);

  const sent = placeholdersIn(redacted.text).sort();
  const back = placeholdersIn(answer).sort();
  if (sent.join() !== back.join())
    return fallback("placeholder_changed", `placeholders sent ${sent.length}, returned ${back.length}`);

  const text = redactor.restore(answer);
  const facts = compareFacts(template, text);
  if (!facts.same)
    return fallback("facts_changed", `${facts.missing.length} fact(s) missing, ${facts.added.length} added`);

  const verdict = check(text);
  if (verdict === false) return fallback("tone", "the check rejected the rewording");
  if (Array.isArray(verdict) && verdict.length > 0)
    return fallback("tone", unique(verdict.map((f: Finding) => f.ruleId)).join(", "));
  return { text, source: "llm" };
}

/** Why a budgeted call gave no value, for the audit. */
function failure(
  result: Extract<BudgetResult<unknown>, { ok: false }>,
): [LlmFallbackReason, string, LlmErrorCode?] {
  if (result.reason === "timeout") return ["timeout", "no answer within the budget", "timeout"];
  if (result.reason === "aborted") return ["aborted", "the call was aborted", "aborted"];
  const e = result.error;
  if (!(e instanceof LlmError)) return ["llm_error", e instanceof Error ? e.name : "unknown error"];
  const detail = [e.code, e.status, ...(e.details.issues ?? [])].filter((x) => x !== undefined).join(" ");
  switch (e.code) {
    case "timeout":
      return ["timeout", detail, e.code];
    case "aborted":
      return ["aborted", detail, e.code];
    case "connection":
    case "http":
      return ["llm_error", detail, e.code];
    default:
      return ["invalid_output", detail, e.code];
  }
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}
