/**
 * What agent assist hears: one utterance of a live call or chat, whatever platform sent it.
 * Each transcript source (generic events, Amazon Connect, Genesys Cloud, Twilio, a bot
 * hand-over, the console's replay) translates its own payload into this shape at the edge;
 * the assist engine sees nothing else.
 */
import { z } from "zod";
import { IsoDateTime } from "../domain/customer.js";

export const Speaker = z.enum(["customer", "agent"]);
export type Speaker = z.infer<typeof Speaker>;

/**
 * The agent on a call as a transcript source names them, namespaced by where the id comes from
 * (`api:jo`, `connect:<user id>`, `genesys:<user id>`, `twilio:<id>`), so a platform's agent
 * never collides with a console (`console:…`), Slack (`slack:U…`) or Teams (`teams:…`) agent.
 */
export const PlatformAgentId = z
  .string()
  .regex(/^(api|connect|genesys|twilio):[\w.@-]{1,64}$/, "expected <source>:<agent id>, e.g. genesys:3b1f…");

export const AssistUtterance = z.strictObject({
  /** The call or chat this belongs to, as the source names it (e.g. an Amazon Connect ContactId). */
  sessionId: z.string().min(1).max(200),
  /** The source's own id for this utterance: a partial and its final share it, so the final replaces the partial. */
  utteranceId: z.string().min(1).max(200),
  /** The account, when the source knows it (else the agent opens it with `customer <account>`). */
  customerId: z.string().min(1).max(100).optional(),
  speaker: Speaker,
  text: z.string().max(4000),
  at: IsoDateTime,
  /**
   * false while the speech recogniser may still change the words: a partial updates the view
   * but never discharges an obligation and never raises an alert twice.
   */
  final: z.boolean(),
  /** Which translator produced it: "events", "amazon-connect", "genesys", "twilio", "handover", "console". */
  source: z.string().min(1).max(40),
  /** The agent on the call, when the source names them (on the customer's words too: it is their call). */
  agentId: PlatformAgentId.optional(),
});
export type AssistUtterance = z.infer<typeof AssistUtterance>;
