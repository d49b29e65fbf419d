/**
 * Mobile: does the customer want to keep the number (a PAC / porting) or not (a STAC, "a new
 * number is fine")? "Don't need the number" is checked first, and a negated wish to keep it
 * ("I don't want to keep my number") is a no. When the bot asked, a yes or no answers it.
 */

import type { Expectation } from "../domain/understanding.js";
import { lexicon } from "./compiledLexicon.js";
import type { Message } from "./message.js";
import { isNegated } from "./negation.js";

export function detectKeepNumber(
  message: Message,
  expecting: Expectation,
  answer: { yes: boolean; no: boolean },
): boolean | undefined {
  const text = message.text;
  if (lexicon.keepNumberNo.test(message)) return false;
  const keep = lexicon.keepNumberYes.first(message);
  if (keep) return !isNegated(text, keep, { window: 4 });
  if (expecting === "keep_number" && answer.yes !== answer.no) return answer.yes;
  return undefined;
}
