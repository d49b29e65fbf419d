/**
 * How assist actions are written to the audit trail: one entry per action of an agent (open,
 * attach, tick, dismiss, check, end) and per compliance event the engine saw (an alert raised,
 * an obligation discharged by speech, a hand-over opened), with ids only, never the words.
 *
 * Each action has its kind (`assist_session`, `assist_tick`, `assist_alert`, `assist_dismiss`,
 * `assist_check`) and `data.assist` naming the action within it. Entries go to the conversation
 * `assist:<sessionId>`, beside (not inside) the bot's own. Logs written before these kinds
 * existed filed the same entries under `handover`, `disclosure` and `tone_finding` (with the
 * same `data.assist`); they still read and verify.
 */
import type { AuditKind } from "../domain/auditEntry.js";
import type { AgentRef } from "./desk.js";

export type AssistAction =
  | "open"
  | "attach"
  | "handover"
  | "tick"
  | "discharge"
  | "alert"
  | "dismiss"
  | "check"
  | "end";

export const ASSIST_AUDIT_KIND = {
  open: "assist_session",
  attach: "assist_session",
  handover: "assist_session",
  end: "assist_session",
  tick: "assist_tick",
  discharge: "assist_tick",
  alert: "assist_alert",
  dismiss: "assist_dismiss",
  check: "assist_check",
} as const satisfies Record<AssistAction, AuditKind>;

export const auditConversationId = (sessionId: string): string => `assist:${sessionId}`;

export function auditRecord(
  action: AssistAction,
  sessionId: string,
  data: Record<string, unknown>,
  agent?: AgentRef,
): { conversationId: string; kind: AuditKind; data: Record<string, unknown> } {
  return {
    conversationId: auditConversationId(sessionId),
    kind: ASSIST_AUDIT_KIND[action],
    data: { assist: action, sessionId, ...(agent ? { agent: agent.id, via: agent.via } : {}), ...data },
  };
}
