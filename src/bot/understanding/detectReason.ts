/**
 * Why the customer is leaving. Every reason's phrases are tried in `REASON_PRIORITY` order
 * (bereavement and money trouble first: they carry the most protection); a negated mention
 * does not count, so "I'm not moving, it's just too expensive" is `price`.
 *
 * "I changed my mind" is either a reason (the contract just signed: `changed_mind`) or a
 * decision to stay; `readChangeOfMind` tells which from the rest of the message.
 */
import type { LeavingReason } from "../../policies/decision.js";
import { lexicon, REASON_PRIORITY } from "./compiledLexicon.js";
import type { Message } from "./message.js";
import { isNegated } from "./negation.js";
import type { Expectation } from "./understanding.js";

/** The most protective reason the message gives, if any. */
export function detectReason(message: Message): LeavingReason | undefined {
  const text = message.text;
  for (const reason of REASON_PRIORITY) {
    if (lexicon.reason[reason].find(message, (hit) => !isNegated(text, hit, { window: 4 }))) return reason;
  }
  return undefined;
}

/**
 * "Changed my mind" as a reason for leaving (with a cancel wish, words about the recent
 * sale, or as the answer to "why are you leaving?"), as a decision to stay (otherwise), or
 * not said.
 */
export function readChangeOfMind(
  message: Message,
  expecting: Expectation,
  wantsToCancel: boolean,
): "reason" | "stay" | undefined {
  const text = message.text;
  if (!lexicon.changedMind.find(message, (hit) => !isNegated(text, hit, { window: 3 }))) return undefined;
  if (wantsToCancel || expecting === "reason" || expecting === "survey") return "reason";
  return lexicon.changedMindContext.test(message) ? "reason" : "stay";
}
