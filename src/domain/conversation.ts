/**
 * A conversation between a customer and FairExit (bot or agent), persisted turn by turn so a
 * customer who drops and returns, or a server restart, resumes where they were.
 */
import { z } from "zod";
import { IsoDateTime } from "./customer.js";

export const Speaker = z.enum(["customer", "bot", "agent", "system"]);
export type Speaker = z.infer<typeof Speaker>;

export const Turn = z.strictObject({
  /** Position in the conversation, from 0; a store rejects a turn whose seq is not the next one. */
  seq: z.number().int().nonnegative(),
  at: IsoDateTime,
  speaker: Speaker,
  text: z.string(),
  /** Machine-readable extras: intent, obligations discharged, card payloads. */
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type Turn = z.infer<typeof Turn>;

export const ConversationId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{5,127}$/, "expected a conversation id of 6-128 letters, digits, - or _");

export const Conversation = z.strictObject({
  id: ConversationId,
  /** Set once the customer is identified. */
  customerId: z.string().optional(),
  channel: z.string().min(1),
  startedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Where the conversation engine is, and whatever it keeps between turns. */
  state: z.record(z.string(), z.unknown()),
  turns: z.array(Turn),
});
export type Conversation = z.infer<typeof Conversation>;

export type ConversationSummary = Pick<
  Conversation,
  "id" | "customerId" | "channel" | "startedAt" | "updatedAt"
> & {
  turnCount: number;
};
