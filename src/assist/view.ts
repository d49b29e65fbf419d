/**
 * What the agent sees for one session, as data: the same object is served as JSON
 * (GET /api/assist/sessions/{id}), streamed as server-sent events to the console, and rendered
 * as Block Kit (Slack) and Adaptive Cards (Teams). docs/assist.md publishes its JSON Schema,
 * generated from these zod schemas, so a CRM, a wallboard or a quality tool can consume it.
 *
 * The view is computed by a pure function of the session (its utterances and the agent's own
 * actions), the customer, the coverage and the compiled policy; see `assistView.ts`.
 */
import { z } from "zod";
import { IsoDateTime } from "../domain/customer.js";
import { Speaker } from "./utterance.js";

/** An utterance as the view refers to it: alerts and ticks point at the one they fired on. */
export const UtteranceRef = z.strictObject({
  utteranceId: z.string(),
  speaker: Speaker,
  text: z.string(),
  at: IsoDateTime,
  final: z.boolean(),
  /** Said by the bot before the hand-over (shown as the agent's side, never checked again). */
  bot: z.literal(true).optional(),
  /** The agent's words: who said them, when the transcript source names the agent (`genesys:…`). */
  agentId: z.string().optional(),
});
export type UtteranceRef = z.infer<typeof UtteranceRef>;

export const ChecklistItem = z.strictObject({
  /** The Decision's obligation id: the same obligations the bot must discharge. */
  obligationId: z.string(),
  ruleId: z.string(),
  topic: z.string(),
  /** What must be said, filled with this customer's facts (the policy's own template). */
  say: z.string(),
  /** The step it must come before (e.g. "confirm"). */
  before: z.string(),
  citation: z.string().optional(),
  status: z.enum(["open", "discharged"]),
  /**
   * How it was discharged: by the agent's words (with the utterance), by the bot before the
   * hand-over, or ticked by hand (recorded, with who).
   */
  dischargedBy: z
    .discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("speech"), utteranceId: z.string(), at: IsoDateTime }),
      z.strictObject({ kind: z.literal("bot"), at: IsoDateTime }),
      z.strictObject({ kind: z.literal("hand"), agent: z.string(), at: IsoDateTime }),
    ])
    .optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const Alert = z.strictObject({
  /** Stable for the same finding on the same utterance, so a partial and its final raise it once. */
  id: z.string(),
  kind: z.enum(["tone", "contradiction", "open_obligations", "offer", "llm_judge"]),
  severity: z.enum(["warning", "violation"]),
  ruleId: z.string(),
  /** Why, in one line the agent can read mid-call. */
  message: z.string(),
  /** The offending words as said. */
  words: z.string().optional(),
  /** A compliant alternative, filled with this customer's facts. */
  alternative: z.string().optional(),
  utterance: UtteranceRef.optional(),
  citation: z.string().optional(),
  dismissed: z.boolean(),
});
export type Alert = z.infer<typeof Alert>;

export const Suggestion = z.strictObject({
  /** The obligation or step it serves. */
  for: z.string(),
  text: z.string(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const HistoryEvent = z.strictObject({
  at: z.string(),
  /** outage, missed_appointment, failed_equipment, billing_error, undisclosed_fee, dispute, promise, contact, … */
  kind: z.string(),
  /** The department (silo) it belongs to, when known. */
  silo: z.string().optional(),
  summary: z.string(),
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;

export const HistoryCard = z.strictObject({
  customerId: z.string(),
  name: z.string(),
  /** e.g. "6 years 2 months"; plus recognition that needs no sign-up. */
  tenure: z.string(),
  recognition: z.string().optional(),
  /** How to approach this customer: each vulnerability on record, in plain words (no detail beyond the flag). */
  care: z.array(z.string()).optional(),
  services: z.array(
    z.strictObject({ id: z.string(), kind: z.string(), plan: z.string(), status: z.string() }),
  ),
  promises: z.array(z.strictObject({ at: z.string(), by: z.string(), words: z.string() })),
  painPoints: z.array(HistoryEvent),
  /** Contacts in the last 90 days. */
  recentContacts: z.array(HistoryEvent),
  /** The decision's root-cause chain of departments, e.g. ["install", "care", "billing"]. */
  rootCause: z.array(z.string()),
});
export type HistoryCard = z.infer<typeof HistoryCard>;

export const AssistView = z.strictObject({
  sessionId: z.string(),
  /** Increases with every change, so a consumer can drop stale updates. */
  version: z.number().int().nonnegative(),
  updatedAt: IsoDateTime,
  status: z.enum(["awaiting_customer", "live", "ended"]),
  customerId: z.string().optional(),
  /** The agents on the session: named by the transcript source (`genesys:…`) or who acted on it (`slack:U…`). */
  agents: z.array(z.string()).optional(),
  /** The last utterances (bounded), partials included and marked. */
  transcript: z.array(UtteranceRef),
  checklist: z.array(ChecklistItem),
  alerts: z.array(Alert),
  next: z.array(Suggestion),
  history: HistoryCard.optional(),
  /** Optional LLM summary of the history and the call so far (redacted prompt, time budget). */
  summary: z.string().optional(),
});
export type AssistView = z.infer<typeof AssistView>;
