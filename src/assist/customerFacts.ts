/**
 * What the customer's own words on a call establish for the decision: why they leave, where
 * they move to (a postcode), whether they keep their number, and promises they say were made.
 * Read with the bot's understander (`src/understanding`: one lexicon per language, English,
 * German and Swedish matched at once, negation included), so a wording taught to it serves
 * the chat and the call alike. Anything not recognised leaves the facts as they were, so the
 * decision falls back to the policy's defaults (and the agent's hand-over decision, when there
 * is one).
 *
 * How an utterance changes the facts:
 * - reason: the first one said stands (a later "and it's expensive too" does not replace
 *   "we're moving"); `other` gives way to a named one. A denial of the reason held ("actually
 *   we're not moving, it's the price") withdraws it, with the new postcode it brought, and the
 *   reason said in the same breath, if any, takes its place.
 * - new postcode: the last one said while the call (or the utterance) is about moving, read
 *   as the bot reads the answer to "what is your new postcode?" (not one rejected or left:
 *   "from N1 9GU to LS1 4AP" is LS1 4AP), in the shape of the customer's jurisdiction.
 * - keep number: the last said.
 * - claims: every distinct one, in order (the sentence that reports it, as the bot keeps it).
 *
 * @example
 * const moving = factsAfter({}, "We're moving to Leeds, LS1 4AP.", "UK");
 * // { reason: "moving", newPostcode: "LS1 4AP" }
 * factsAfter(moving, "Actually we're not moving, it's the price.", "UK");
 * // { reason: "price" }
 */
import type { ConversationFacts } from "../domain/decision.js";
import { detectNewPostcode } from "../understanding/detectNewPostcode.js";
import { deniedReasons } from "../understanding/detectReason.js";
import { prepareMessage } from "../understanding/message.js";
import { understand } from "../understanding/understandByRules.js";

/**
 * Postcode shapes per jurisdiction (the customer's): a new postcode of another shape is not
 * taken; with no jurisdiction known, one of these shapes ("Flat 4" is not a postcode).
 */
const POSTCODE_SHAPES: Record<string, RegExp> = {
  UK: /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/,
  SE: /^\d{3} ?\d{2}$/,
  DE: /^\d{5}$/,
  US: /^\d{5}(?:-\d{4})?$/,
};

function fitsJurisdiction(postcode: string, jurisdiction: string | undefined): boolean {
  const shape = POSTCODE_SHAPES[(jurisdiction ?? "").slice(0, 2).toUpperCase()];
  return shape ? shape.test(postcode) : Object.values(POSTCODE_SHAPES).some((s) => s.test(postcode));
}

/**
 * The facts after the customer said `text`; returns `facts` itself when nothing changed.
 * `jurisdiction` ("UK", "DE", "SE", "US") picks the postcode shape; a postcode counts once the
 * customer is moving. No language is needed: every language's phrases are matched at once.
 */
export function factsAfter(facts: ConversationFacts, text: string, jurisdiction?: string): ConversationFacts {
  const heard = understand(text, "anything");
  const message = prepareMessage(text);
  let next = facts;
  const set = <K extends keyof ConversationFacts>(k: K, v: ConversationFacts[K]) => {
    if (next[k] === v) return;
    next = { ...next, [k]: v };
  };

  const held = facts.reason;
  if (held !== undefined && heard.reason !== held && deniedReasons(message).includes(held)) {
    const { reason: _reason, ...rest } = next;
    next = rest;
    if (held === "moving" && next.newPostcode !== undefined) {
      const { newPostcode: _postcode, ...kept } = next;
      next = kept;
    }
  }
  const { reason } = heard;
  if (reason && (!next.reason || (next.reason === "other" && reason !== "other"))) set("reason", reason);

  if (next.reason === "moving" || reason === "moving") {
    // The call is about moving: a postcode is read as the answer to "where to?".
    const { newPostcode } = detectNewPostcode(message, "new_postcode", true);
    if (newPostcode !== undefined && fitsJurisdiction(newPostcode, jurisdiction))
      set("newPostcode", newPostcode);
  }
  if (heard.keepNumber !== undefined) set("keepNumber", heard.keepNumber);
  const { claim } = heard;
  if (claim && !(next.claims ?? []).some((c) => c.text === claim.text))
    next = {
      ...next,
      claims: [...(next.claims ?? []), { text: claim.text, ...(claim.kind ? { kind: claim.kind } : {}) }],
    };
  return next;
}
