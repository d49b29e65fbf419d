/**
 * What an utterance does, beyond what it says: an agent confirming (or about to confirm) the
 * cancellation, an agent making a retention offer, a customer declining one. Patterns per
 * language (`wording/*.ts`), read in the language the words are spoken in, else the customer's
 * locale; a question is never a confirmation ("shall I cancel it now?", "Soll ich das jetzt
 * kündigen?", "Ska jag säga upp det nu?").
 */
import { wordingOf } from "./wording/index.js";

/** True when the agent's words state or announce that the cancellation is being done. */
export function isConfirmation(text: string, locale?: string): boolean {
  const w = wordingOf(text, locale);
  return text
    .split(/(?<=[.!?])\s+/)
    .some((sentence) => !w.asking.test(sentence) && w.confirmation.some((re) => re.test(sentence)));
}

/** True when the agent's words make a retention offer. */
export function isOffer(text: string, locale?: string): boolean {
  const w = wordingOf(text, locale);
  return w.offer.test(text) && !w.notAnOffer.test(text);
}

/** True when the customer's words turn an offer down (read only after an offer). */
export function isDecline(text: string, locale?: string): boolean {
  return wordingOf(text, locale).decline.test(text);
}
