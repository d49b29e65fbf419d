/**
 * Short answers repeat: card buttons post the same words ("Confirm", "Keep my service"), and
 * "yes", "no thanks", "all of them" or "skip" are what most customers type at most steps.
 * `understand` is pure in (text, expecting), so the understanding of such a message is worked
 * out once and shared, frozen, by every conversation that says it again.
 *
 * Only short texts with no digit and no `@` are remembered: an account number, a postcode, a
 * phone number or an e-mail address never stays in this memory beyond its conversation.
 * The memory is bounded; the oldest text is forgotten first.
 */
import { deepFreeze } from "../domain/deepFreeze.js";
import type { Understand, Understanding } from "../domain/understanding.js";

/** Longest text remembered, in UTF-16 units: "no thanks, just cancel everything please". */
export const SHORT_ANSWER_LENGTH = 48;
const REMEMBERED = 1024;
const UNSHAREABLE = /[\d@]/;

export function rememberingShortAnswers(understand: Understand, capacity = REMEMBERED): Understand {
  const known = new Map<string, Understanding>();
  return (text, expecting) => {
    if (text.length > SHORT_ANSWER_LENGTH || UNSHAREABLE.test(text)) return understand(text, expecting);
    const key = `${expecting}\u0000${text}`;
    const remembered = known.get(key);
    if (remembered) return remembered;
    const understanding = deepFreeze(understand(text, expecting));
    if (known.size >= capacity) known.delete(known.keys().next().value as string);
    known.set(key, understanding);
    return understanding;
  };
}
