/**
 * What a stage (or a check before it) produces for one customer message: the replies, the
 * audit records and the changes to the conversation state. Stages return one; the turn applies
 * it in one place (`TurnContext.apply`): the replies are said first (each under the decision
 * as it stood when it was composed), then the audit records are kept, then the state changes.
 */
import type { AuditKind } from "../domain/auditEntry.js";
import type { BotMessage } from "./botReply.js";
import type { ConversationState } from "./conversationState.js";

export interface PendingAudit {
  kind: AuditKind;
  data: Record<string, unknown>;
}

export interface StageResult {
  replies: readonly BotMessage[];
  audit?: readonly PendingAudit[];
  /** Fields of the conversation state that change (the others stay as they are). */
  state?: Partial<ConversationState>;
}

/** The replies, nothing else. */
export const replies = (...messages: BotMessage[]): StageResult => ({ replies: messages });

/**
 * The result of a step that still works on the turn itself (it said, recorded and changed the
 * state through `TurnContext`): nothing more to apply. See docs/architecture.md, "The
 * conversation flow", for which steps these are.
 */
export const DONE_ON_THE_TURN: StageResult = Object.freeze({ replies: [] });
