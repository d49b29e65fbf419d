/**
 * What a stage (or a check before it) produces for one customer message: the replies, the
 * audit records and the changes to the conversation state. Stages return one; the turn applies
 * it in one place (`TurnContext.apply`): the replies are said first (each under the decision
 * as it stood when it was composed), then the audit records are kept, then the state changes.
 *
 * A step that hands on to another step which decides from what the first one changed (a fact
 * absorbed, the customer identified, a service found already cancelled) applies its result so
 * far through `TurnContext.apply` first, then returns the next step's result: the turn is only
 * ever changed there.
 */
import type { AuditKind } from "../domain/auditEntry.js";
import type { Customer } from "../domain/customer.js";
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
  /** The customer identified by this step (identification sets `state.customerId` with it). */
  identified?: Customer;
}

/** The replies, nothing else. */
export const replies = (...messages: BotMessage[]): StageResult => ({ replies: messages });

/**
 * Several results as one, in order: the replies and audit records one after the other, the
 * state changes of a later one over those of an earlier one. Only for results none of which
 * changes what the next one decides from (each was worked out from the turn as it is).
 */
export function combine(...results: readonly StageResult[]): StageResult {
  const state = Object.assign({}, ...results.map((r) => r.state ?? {})) as Partial<ConversationState>;
  const identified = results.findLast((r) => r.identified)?.identified;
  return {
    replies: results.flatMap((r) => r.replies),
    audit: results.flatMap((r) => r.audit ?? []),
    ...(Object.keys(state).length > 0 ? { state } : {}),
    ...(identified ? { identified } : {}),
  };
}
