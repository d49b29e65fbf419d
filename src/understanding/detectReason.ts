/**
 * Why the customer is leaving. Every reason's phrases are tried in `REASON_PRIORITY` order
 * (bereavement and money trouble first: they carry the most protection); a negated mention
 * does not count, so "I'm not moving, it's just too expensive" is `price`. Then unhappiness
 * that names nothing more ("it's been a nightmare", "katastrophal", "missnöjd") is
 * `service_problems`; then, when the customer wants to cancel, a cause in words no lexicon
 * knows ("because my daughter does it for me now", "weil …", "eftersom …") is `other`: a
 * reason was given, so the bot must not ask for one.
 *
 * "I changed my mind" is either a reason (the contract just signed: `changed_mind`) or a
 * decision to stay; `readChangeOfMind` tells which from the rest of the message.
 */
import type { LeavingReason } from "../domain/decision.js";
import type { Expectation } from "../domain/understanding.js";
import { lexicon, negation, REASON_PRIORITY } from "./compiledLexicon.js";
import type { Hit, Phrases } from "./lexiconPatterns.js";
import { type Message, wordsOf } from "./message.js";
import { isNegated, negatedInGap } from "./negation.js";

function ownNegation(text: string, hit: Hit): boolean {
  const first = wordsOf(text, hit.start, hit.end)[0] ?? "";
  return negation.negators.has(first) || first.endsWith("n't");
}

/**
 * The phrase at `hit` is said, not denied. A phrase that carries its own negation ("don't use
 * it") is not undone by an earlier one ("I'm never home so I don't use it").
 */
function saidAt(phrases: Phrases, message: Message, hit: Hit): boolean {
  const text = message.text;
  return (
    ownNegation(text, hit) || (!isNegated(text, hit, { window: 4 }) && !negatedInGap(phrases, message, hit))
  );
}

/** The most protective reason the message gives, if any; `wantsToCancel` lets a bare cause count. */
export function detectReason(message: Message, wantsToCancel = false): LeavingReason | undefined {
  const text = message.text;
  for (const reason of REASON_PRIORITY) {
    const phrases = lexicon.reason[reason];
    if (phrases.find(message, (hit) => saidAt(phrases, message, hit))) return reason;
  }
  if (lexicon.complaint.find(message, (hit) => saidAt(lexicon.complaint, message, hit)))
    return "service_problems";
  // a cause followed by at least two words of its own clause: "because I want to", not "because?"
  const caused = lexicon.cause.find(message, (hit) => {
    const rest =
      text
        .slice(hit.end + 1)
        .split(" | ")[0]
        ?.trim() ?? "";
    return rest.split(" ").filter((w) => w !== "" && w !== "|").length >= 2;
  });
  return wantsToCancel && caused ? "other" : undefined;
}

/**
 * The reasons the message names only negated: "I'm not moving", "wir ziehen nicht um", "vi
 * flyttar inte". A customer who says so takes back that reason if it was given before; a
 * reason named both ways ("not moving to Leeds, moving to York") is not denied.
 *
 * @example
 * deniedReasons(prepareMessage("Actually we're not moving, it's the price")) // ["moving"]
 */
export function deniedReasons(message: Message): LeavingReason[] {
  return REASON_PRIORITY.filter((reason) => {
    const phrases = lexicon.reason[reason];
    const hits = phrases.all(message);
    return hits.length > 0 && hits.every((hit) => !saidAt(phrases, message, hit));
  });
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
