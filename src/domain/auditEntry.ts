/**
 * An entry of the audit trail: what happened in a conversation, when, chained to the entry
 * before by its hash. The vocabulary every writer and reader shares (bot, assist, stores,
 * the CLI); how the chain is hashed and verified is in `src/audit/auditChain.ts`, the port
 * (`AuditLog`) in `./ports.ts`.
 */
import { z } from "zod";
import { IsoDateTime } from "./customer.js";

export const AuditKind = z.enum([
  "decision",
  "disclosure",
  "consent",
  "offer",
  "offer_answer",
  "confirmation",
  /** A planned action, with how its delivery went in the turn that executed it. */
  "action",
  /** Only in logs written before an action entry carried its result: still valid when read. */
  "action_result",
  "handover",
  "receipt",
  "survey",
  /** Something the customer did that the record should show (an attempt to instruct the bot). */
  "customer_signal",
  /** An outgoing text the utterance checker flagged. */
  "tone_finding",
  /** The chain is keyed from here on; the plain-hash entries before it were written by an older FairExit. */
  "chain_keyed",
  /** Too many failed identity checks for one account: further tries wait (see identityGuard). */
  "identity_cooldown",
  /** The rules were unsure of a message and an LLM was asked: the labels taken, or why none were (never the text). */
  "understanding",
  /**
   * Agent assist (conversation `assist:<sessionId>`; `data.assist` names the action; ids only,
   * never the words said). A session opened, attached to an account, opened from a bot
   * hand-over, or ended.
   */
  "assist_session",
  /** A checklist item discharged: by the agent's words (`by: "speech"`) or ticked by hand (`by: "hand"`). */
  "assist_tick",
  /** An alert raised on the agent's words (its id, kind and rule). */
  "assist_alert",
  /** An alert dismissed by an agent. */
  "assist_dismiss",
  /** A draft checked before it was said (the rules it broke). */
  "assist_check",
]);
export type AuditKind = z.infer<typeof AuditKind>;

export const AuditEntry = z.strictObject({
  /**
   * How `hash` was made (see `HASH_FORMAT` in src/audit/auditChain.ts): 2 = HMAC-SHA256 with the
   * audit key. Absent in entries written before the format was marked (plain SHA-256, or keyed).
   */
  v: z.number().int().positive().optional(),
  seq: z.number().int().nonnegative(),
  at: IsoDateTime,
  conversationId: z.string().min(1),
  kind: AuditKind,
  /** What happened; personal data masked before it is written (see maskPii). */
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditRecord = Pick<AuditEntry, "at" | "conversationId" | "kind" | "data">;

export interface ChainProblem {
  seq: number;
  /** Line or position in the log the problem was found at. */
  position: number;
  problem: string;
}
