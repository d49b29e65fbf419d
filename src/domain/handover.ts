/**
 * The hand-over: a request for a person to take over a conversation, with everything they
 * need not to ask again, and the port it is announced through. The bot writes it; agent
 * assist shows it to a live agent. Adapters (memory, JSON lines) implement the port.
 */
import type { Decision, RootCause } from "./decision.js";
import type { Ledger } from "./ledger.js";

/** A request for a person to take over, with everything they need not to ask again. */
export interface HandoverRecord {
  id: string;
  conversationId: string;
  customerId?: string;
  at: string;
  reasons: { ruleId: string; reason: string }[];
  stage: string;
  decision?: Decision;
  /**
   * The departments that failed the customer before this conversation, in order (the
   * decision's root cause; empty before the customer is identified), so the person taking over
   * sees the whole chain, not only the last link.
   */
  rootCause: RootCause;
  ledger: Ledger;
  transcript: { speaker: string; text: string; at: string }[];
}

/** The root cause a hand-over carries: the decision's, or none before there is a decision. */
export function handoverRootCause(decision: Decision | undefined): RootCause {
  return decision?.rootCause ?? { chain: [], links: [] };
}

/** Where hand-overs go: agent assist shows them to a live agent. */
export interface HandoverPort {
  /**
   * Records `record` and tells its listeners, once per `record.id`: announcing an id again (a turn
   * that lost a race and is run again announces the same id) records and tells nothing.
   */
  announce(record: HandoverRecord): Promise<void>;
}

/** A hand-over port that also tells listeners in this process (agent assist, tests) of each record. */
export interface ObservableHandover extends HandoverPort {
  onHandover(listener: (record: HandoverRecord) => void): void;
}
