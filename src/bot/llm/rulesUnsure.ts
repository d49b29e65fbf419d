/**
 * When the rules' understanding of a message is unsure enough to ask an LLM, read from the
 * rules' own signals: they found no intent ("unknown"), or their first intent is below
 * `LLM_CONFIDENCE_THRESHOLD` (a free-text answer tagged "other", two answers that contradict
 * each other), or what they found is nothing the question the bot asked can use (a greeting
 * where a yes or no was asked for) and the message carries no fact either. An empty message
 * is never sent.
 *
 * @example
 * import { rulesUnsure } from "./rulesUnsure.js";
 * rulesUnsure(understand("get it sorted", "anything"), "anything", "get it sorted"); // "no_intent"
 * rulesUnsure(understand("hello", "confirm"), "confirm", "hello"); // "unusable_intent"
 * rulesUnsure(understand("I want to cancel", "anything"), "anything", "I want to cancel"); // undefined
 */
import type { Expectation, Intent, Understanding } from "../../domain/understanding.js";

/** The LLM is asked only when the rules are less sure than this of their first intent. */
export const LLM_CONFIDENCE_THRESHOLD = 0.6;

/** Why the rules are unsure (recorded in the audit with the LLM's labels). */
export type Unsure = "no_intent" | "low_confidence" | "unusable_intent";

/**
 * The intents a stage reads when it asked for a yes, a no or a choice; any other expectation
 * takes any intent.
 */
const USABLE: Partial<Record<Expectation, ReadonlySet<Intent>>> = {
  confirm: new Set(["yes", "no", "cancel", "keep_service", "question", "ask_person"]),
  offer: new Set([
    "accept_offer",
    "decline_offer",
    "yes",
    "no",
    "cancel",
    "keep_service",
    "question",
    "ask_person",
  ]),
  keep_number: new Set(["yes", "no", "cancel", "keep_service", "question", "ask_person"]),
  consent: new Set(["yes", "no", "question", "ask_person"]),
};

/** True when the rules found a fact in the message (identity, reason, services, a claim …). */
function carriesFact(u: Understanding): boolean {
  return (
    u.accountNumber !== undefined ||
    u.postcode !== undefined ||
    u.newPostcode !== undefined ||
    u.reason !== undefined ||
    u.serviceKinds !== undefined ||
    u.keepNumber !== undefined ||
    u.claim !== undefined ||
    u.surveyCause !== undefined
  );
}

/** Why the rules are unsure of `rules` (the understanding of `text` when `expecting`), or undefined when they are sure. */
export function rulesUnsure(rules: Understanding, expecting: Expectation, text: string): Unsure | undefined {
  if (text.trim() === "") return undefined;
  if (rules.intents.length === 0 || rules.intents[0] === "unknown") return "no_intent";
  if (rules.confidence < LLM_CONFIDENCE_THRESHOLD) return "low_confidence";
  const usable = USABLE[expecting];
  if (usable && !rules.intents.some((i) => usable.has(i)) && !carriesFact(rules)) return "unusable_intent";
  return undefined;
}
