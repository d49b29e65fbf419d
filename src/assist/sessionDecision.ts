/**
 * The decision an assist session works under: the bot's, from the hand-over, while what the
 * customer said since has not changed the facts; else `decide` on the facts the customer's
 * words established, the offers in the ledger and the medium (a call).
 */
import { isDeepStrictEqual } from "node:util";
import type { Customer } from "../domain/customer.js";
import type { ConversationFacts, Decision } from "../domain/decision.js";
import type { LoadedSpeechModel } from "../guardrails/index.js";
import type { CompiledPolicy } from "../policies/index.js";
import type { AssistSession } from "./session.js";
import type { HistoryCard } from "./view.js";

/** What the engine needs besides the session; the desk builds it for each step. */
export interface AssistEnv {
  policy: CompiledPolicy;
  /** The learned tone model for agent speech, when installed (see `SpeechCheckers`). */
  speechModel?: LoadedSpeechModel | undefined;
  customer?: Customer;
  now: Date;
  /** The decision for these facts (pure; the desk memoises it); undefined without a customer. */
  decisionFor(facts: ConversationFacts): Decision | undefined;
  /** The history card of the customer under a decision (pure; the desk memoises it). Default: `historyCardOf`. */
  historyFor?(customer: Customer, decision: Decision | undefined): HistoryCard;
}

/** The facts `decide` reads for a session: the customer's words, the ledger's offers, a call. */
export function decisionFacts(session: AssistSession): ConversationFacts {
  return {
    ...session.facts,
    offersMade: session.ledger.offers.length,
    offersDeclined: session.ledger.declines.length,
    channel: "call",
  };
}

export function sessionDecision(session: AssistSession, env: AssistEnv): Decision | undefined {
  const h = session.handover;
  if (h?.decision && isDeepStrictEqual(session.facts, h.factsAtHandover)) return h.decision;
  return env.customer ? env.decisionFor(decisionFacts(session)) : undefined;
}
