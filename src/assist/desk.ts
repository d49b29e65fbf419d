/**
 * The assist desk: what the transports (HTTP sources, the console, Slack, Teams) call. It keeps
 * the live sessions, feeds each utterance to the pure view function and tells subscribers of
 * every new view. Every agent action (open, tick, dismiss, check) is written to the audit log.
 *
 * This file is the contract the transports code against; `assistDesk.ts` implements it.
 */
import type { HandoverRecord } from "../domain/handover.js";
import type { AssistUtterance } from "./utterance.js";
import type { Alert, AssistView } from "./view.js";

/**
 * Who did something by hand: an agent id from the console login, Slack or Teams; or, `via:
 * "platform"`, the agent a transcript source names as on the call (`genesys:…`, see PlatformAgentId).
 */
export interface AgentRef {
  id: string;
  via: "console" | "slack" | "teams" | "api" | "platform";
}

export interface SessionSummary {
  sessionId: string;
  customerId?: string;
  status: AssistView["status"];
  openItems: number;
  alerts: number;
  updatedAt: string;
}

/** A draft sentence checked before the agent says it (`/fairexit check <draft>`). */
export interface DraftCheck {
  ok: boolean;
  alerts: Alert[];
}

export type ViewListener = (view: AssistView) => void;

export interface AssistDesk {
  /** Opens (or returns) a session; `customerId` may come later with `attachCustomer`. */
  open(o: { sessionId: string; customerId?: string; agent?: AgentRef; source: string }): Promise<AssistView>;
  /**
   * Opens the session of a bot hand-over by itself: the whole conversation, the bot's decision
   * and ledger (what the bot said is ticked as "bot"). The session id is the bot conversation's id.
   * Wired in src/app.ts: `bot.handover.onHandover((r) => desk.openFromHandover(r))`.
   */
  openFromHandover(record: HandoverRecord): Promise<AssistView>;
  /** Sets the account of a session opened without one (`customer <account>`); throws AssistError when unknown. */
  attachCustomer(sessionId: string, customerId: string, agent: AgentRef): Promise<AssistView>;
  /** One utterance (partial or final); opens the session when it is new. */
  hear(utterance: AssistUtterance): Promise<AssistView>;
  /** Several utterances in order (a batch from one request). */
  hearAll(utterances: readonly AssistUtterance[]): Promise<AssistView[]>;
  /** A hand tick of a checklist item, recorded as such. */
  tick(sessionId: string, obligationId: string, agent: AgentRef): Promise<AssistView>;
  dismiss(sessionId: string, alertId: string, agent: AgentRef): Promise<AssistView>;
  end(sessionId: string, agent?: AgentRef): Promise<AssistView>;
  /** Checks a draft against the session's decision (or the policy alone without a session). */
  check(draft: string, o: { sessionId?: string; agent: AgentRef }): Promise<DraftCheck>;
  view(sessionId: string): AssistView | undefined;
  list(): SessionSummary[];
  /** Every new view of every session; returns the unsubscribe function. */
  subscribe(listener: ViewListener): () => void;
}

/** A refusal a transport turns into 400/404 with this message (never a crash). */
export class AssistError extends Error {
  constructor(
    message: string,
    readonly code:
      | "unknown_session"
      | "unknown_customer"
      | "unknown_obligation"
      | "unknown_alert"
      | "invalid",
  ) {
    super(message);
    this.name = "AssistError";
  }
}
