/**
 * The customer's words in an incoming activity: its text, or, for a card button (Adaptive Card
 * Action.Submit in Teams and Web Chat, which posts no text), the reply the button stands for.
 */
import type { IncomingActivity } from "./activity.js";

/** The data every FairExit card button submits: `{ reply: "Confirm cancellation" }`. */
export interface CardSubmit {
  reply: string;
}

export function incomingText(activity: IncomingActivity): string | undefined {
  const text = activity.text?.trim();
  if (text) return text;
  const value = activity.value;
  if (value && typeof value === "object" && "reply" in value) {
    const reply = (value as { reply: unknown }).reply;
    if (typeof reply === "string" && reply.trim()) return reply.trim().slice(0, 200);
  }
  return undefined;
}
