/**
 * What the engine needs for a step of one session (`AssistEnv`), built by the desk: the policy
 * in force, the customer as stored now, and the session's decision and history card memoised,
 * decided again only when the policy, the customer, the facts or the day change.
 */
import type { Customer } from "../domain/customer.js";
import { isoDate } from "../domain/dates.js";
import type { ConversationFacts, Decision } from "../domain/decision.js";
import type { CustomerStore } from "../domain/ports.js";
import type { LoadedSpeechModel } from "../guardrails/index.js";
import { type CompiledPolicy, decide } from "../policies/index.js";
import { historyCardOf } from "./historyCard.js";
import type { AssistSession } from "./session.js";
import type { AssistEnv } from "./sessionDecision.js";
import type { HistoryCard } from "./view.js";

interface DecisionMemo {
  policy: CompiledPolicy;
  customer: Customer;
  key: string;
  day: string;
  decision: Decision;
}

interface CardMemo {
  customer: Customer;
  decision: Decision | undefined;
  day: string;
  card: HistoryCard;
}

export class SessionEnvs {
  private readonly decisions = new Map<string, DecisionMemo>();
  private readonly cards = new Map<string, CardMemo>();

  constructor(
    private readonly customers: CustomerStore,
    private readonly policy: () => CompiledPolicy,
    private readonly speechModel?: LoadedSpeechModel,
  ) {}

  async envFor(session: AssistSession, at: Date): Promise<AssistEnv> {
    const policy = this.policy();
    const customer = session.customerId ? await this.customers.get(session.customerId) : undefined;
    const coverage = customer ? await this.customers.coverage() : [];
    const day = isoDate(at);
    const id = session.sessionId;
    const { decisions, cards, speechModel } = this;
    return {
      policy,
      ...(speechModel ? { speechModel } : {}),
      ...(customer ? { customer } : {}),
      now: at,
      decisionFor(facts: ConversationFacts): Decision | undefined {
        if (!customer) return undefined;
        const key = JSON.stringify(facts);
        const m = decisions.get(id);
        if (m && m.policy === policy && m.customer === customer && m.key === key && m.day === day)
          return m.decision;
        const decision = decide(policy, { customer, coverage, conversation: facts }, at);
        decisions.set(id, { policy, customer, key, day, decision });
        return decision;
      },
      historyFor(c: Customer, decision: Decision | undefined): HistoryCard {
        const h = cards.get(id);
        if (h && h.customer === c && h.decision === decision && h.day === day) return h.card;
        const card = historyCardOf(c, decision, at);
        cards.set(id, { customer: c, decision, day, card });
        return card;
      },
    };
  }

  /** Forgets what was memoised for a session that is gone. */
  forget(sessionId: string): void {
    this.decisions.delete(sessionId);
    this.cards.delete(sessionId);
  }
}
