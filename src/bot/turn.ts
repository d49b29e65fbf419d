/**
 * One turn of the conversation: the state being changed, what the customer said, what the bot
 * will say, and the decision for the customer as it stands (computed on demand, purely, from
 * the policy, the customer, the coverage and what the conversation has established).
 */
import { isDeepStrictEqual } from "node:util";
import type { AuditKind } from "../domain/auditEntry.js";
import type { Coverage, Customer } from "../domain/customer.js";
import type { Decision, DecisionContext, Obligation, Stage } from "../domain/decision.js";
import type { Understanding } from "../domain/understanding.js";
import { pendingBefore } from "../guardrails/index.js";
import { decide } from "../policies/decide.js";
import type { BotMessage } from "./botReply.js";
import type { ConversationState } from "./conversationState.js";
import type { ConversationDeps } from "./ports.js";

export interface PendingAudit {
  kind: AuditKind;
  data: Record<string, unknown>;
}

export class Turn {
  readonly out: BotMessage[] = [];
  readonly audit: PendingAudit[] = [];
  customer: Customer | undefined;
  private cached: Decision | undefined;
  /** The conversation facts `cached` was decided from. */
  private cachedFrom: ConversationFacts | undefined;
  private stale = false;
  private readonly composedUnder = new Map<BotMessage, Decision>();

  constructor(
    readonly deps: ConversationDeps,
    readonly conversationId: string,
    public state: ConversationState,
    readonly heard: Understanding,
    /** The customer's message as typed (never sent to an LLM unredacted). */
    readonly text: string,
    readonly now: Date,
    readonly coverage: Coverage,
  ) {}

  say(message: BotMessage): void {
    this.out.push(message);
    if (this.cached && !this.stale) this.composedUnder.set(message, this.cached);
  }

  /**
   * The decision `message` was composed under: the one in force when it was said, if one was
   * made by then in this turn and nothing it depends on had changed since.
   */
  decisionWhenSaid(message: BotMessage): Decision | undefined {
    return this.composedUnder.get(message);
  }

  record(kind: AuditKind, data: Record<string, unknown>): void {
    this.audit.push({ kind, data });
  }

  /**
   * Obligations due before `stage` that are neither in the ledger nor already said in this turn
   * (the ledger records this turn's messages when the turn is persisted).
   */
  pending(stage: Stage): Obligation[] {
    const saidNow = new Set(this.out.flatMap((m) => m.discharges));
    return pendingBefore(this.state.ledger, this.decision(), stage).filter((o) => !saidNow.has(o.id));
  }

  /**
   * The facts the decision depends on may have changed: the next `decision()` compares them with
   * the ones the cached decision was made from, and decides again only if they differ.
   */
  invalidate(): void {
    this.stale = true;
  }

  /** The decision for the identified customer with everything gathered so far. */
  decision(): Decision {
    if (!this.customer) throw new Error("decision() before the customer is identified");
    if (this.cached && !this.stale) return this.cached;
    const conversation = this.conversationFacts();
    if (!this.cached || !isDeepStrictEqual(this.cachedFrom, conversation)) {
      this.cached = decide(
        this.deps.policy(),
        { customer: this.customer, coverage: this.coverage, conversation },
        this.now,
      );
      this.cachedFrom = conversation;
    }
    this.stale = false;
    return this.cached;
  }

  private conversationFacts(): ConversationFacts {
    const f = this.state.facts;
    return {
      serviceIds: f.serviceIds,
      reason: f.reason,
      newPostcode: f.newPostcode,
      newCountry: f.newCountry,
      keepNumber: f.keepNumber,
      claims: f.claims.map((c) => ({ text: c.text, kind: c.kind as never })),
      requestedPerson: f.requestedPerson,
      legalThreat: f.legalThreat,
      offersMade: this.state.offersMade.length,
      offersDeclined: this.state.offersDeclined,
      channel: this.state.channel,
    };
  }
}

type ConversationFacts = DecisionContext["conversation"];
