/**
 * Which language the bot answers in. The language the customer writes in, once a message
 * tells it (one with more words of one language than of the others; to switch later a
 * message must be clearly in the new language, so "ja" or "ok" never switches); until then,
 * and once identified, the account's locale. Kept in the conversation state, so it stays the
 * same for the whole conversation unless the customer clearly switches.
 */
import type { Customer } from "../domain/customer.js";
import type { Language } from "../domain/understanding.js";
import { clearLanguage } from "../understanding/detectLanguage.js";
import { prepareMessage } from "../understanding/message.js";
import { languageOfLocale } from "./words/index.js";

export function chooseLanguage(
  current: Language | undefined,
  text: string | undefined,
  customer: Customer | undefined,
): Language | undefined {
  const written = text ? clearLanguage(prepareMessage(text), current !== undefined) : undefined;
  if (written) return written;
  if (current) return current;
  return customer ? languageOfLocale(customer.locale) : undefined;
}
