/**
 * What the transcript of a conversation lacks when a crash came after its cancellation was
 * committed to the outbox but before the conversation file was written: the customer's
 * confirming words and the receipt the bot said. Both are rebuilt from the outbox's record (the
 * confirmation it holds, the receipt message with its actions' results filled in) so recovery
 * can append them to the transcript, marked as recovered.
 *
 * The outbox keeps no personal data: the customer's words are kept only when they are a plain
 * answer (letters and punctuation, short), otherwise the confirmation is recorded as such.
 */
import { createHash } from "node:crypto";
import type { ConfirmedCancellation } from "./confirmedCancellation.js";
import type { OutboxStore } from "./ports.js";
import { fillResults, placeholderItems } from "./resultPlaceholders.js";

/** How a confirmation whose words may hold personal data is recorded. */
export const CONFIRMED_WITHOUT_WORDS = "(confirmed)";

/** The customer's confirming words as the outbox may keep them: "yes", "Confirm cancellation" … */
export function confirmationWords(text: string): string {
  const t = text.trim();
  return t.length > 0 && t.length <= 60 && /^[\p{L}\s'’!.,?-]+$/u.test(t) ? t : CONFIRMED_WITHOUT_WORDS;
}

/** The receipt as the bot says it: its message's text with the delivered actions' results filled in. */
export async function receiptText(
  outbox: OutboxStore,
  cancellation: Pick<ConfirmedCancellation, "receiptId">,
): Promise<{ text: string; sha256: string } | undefined> {
  if (cancellation.receiptId === undefined) return undefined;
  const receipt = await outbox.get(cancellation.receiptId);
  const body = receipt?.payload.body;
  if (typeof body !== "string") return undefined;
  const results = new Map<string, Record<string, unknown>>();
  for (const id of placeholderItems(body)) {
    const item = await outbox.get(id);
    if (item?.status === "delivered" && item.result) results.set(id, item.result);
  }
  const text = fillResults(body, (id) => results.get(id));
  return { text, sha256: createHash("sha256").update(text).digest("hex") };
}
