/**
 * The reference a customer is given for a cancellation: `FX-<day confirmed>-<6 hex digits of
 * the conversation id>`, the same for the same conversation and day, so it can be told again.
 */
import { createHash } from "node:crypto";

export function referenceFor(conversationId: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `FX-${day}-${createHash("sha256").update(conversationId).digest("hex").slice(0, 6).toUpperCase()}`;
}
