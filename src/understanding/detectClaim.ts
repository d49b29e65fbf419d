/**
 * A promise the customer says was made: "the salesperson told me …", "I was told …",
 * "säljaren sa …", "der Verkäufer hat gesagt …". The claim is the sentence it is in, as
 * typed; its kind is guessed from the words (an unlock, a credit, a discount, cancelling at
 * any time, no fee, in that order) and is "other" when none fits. The policy matches the
 * claim against the promises on record; the understander never judges it.
 */
import type { ClaimedPromise } from "../domain/decision.js";
import { CLAIM_KINDS, lexicon } from "./compiledLexicon.js";
import type { ClaimKind } from "./lexicon.js";
import { type Message, prepareMessage } from "./message.js";

/** A quoted claim is cut at this many characters. */
const MAX_CLAIM_CHARS = 500;
const SENTENCE_BREAK = /(?<=[.!?…])\s+|\n+/;

function kindIn(message: Message): ClaimKind | undefined {
  return CLAIM_KINDS.find((kind) => lexicon.claimKind[kind].test(message));
}

export function detectClaim(message: Message): ClaimedPromise | undefined {
  if (!lexicon.claim.test(message)) return undefined;
  let sentence = message;
  for (const part of message.raw.split(SENTENCE_BREAK)) {
    const prepared = prepareMessage(part);
    if (lexicon.claim.test(prepared)) {
      sentence = prepared;
      break;
    }
  }
  const kind = kindIn(sentence) ?? kindIn(message) ?? "other";
  return { text: sentence.raw.slice(0, MAX_CLAIM_CHARS), kind };
}
