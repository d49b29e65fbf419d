/**
 * One turn of the conversation: the state being changed, what the customer said, what the bot
 * will say, and the decision for the customer as it stands (computed on demand, purely, from
 * the policy, the customer, the coverage and what the conversation has established).
 */
import type { AuditKind } from "../audit/auditEntry.js";
import type { Coverage, Customer } from "../domain/customer.js";
import { decide } from "../policies/decide.js";
import type { Decision, Obligation, Stage } from "../policies/decision.js";
import { pendingBefore } from "../policies/ledger.js";
import type { BotMessage } from "./botReply.js";
import type { ConversationState } from "./conversationState.js";
import type { ConversationDeps } from "./ports.js";
import type { Understanding } from "./understanding/understanding.js";

export interface PendingAudit {
  kind: AuditKind;
  data: Record<string, unknown>;
}

export class Turn {
  readonly out: BotMessage[] = [];
  readonly audit: PendingAudit[] = [];
  customer: Customer | undefined;
  private cached: Decision | undefined;

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

  /** Forget the cached decision after the facts it depends on changed. */
  invalidate(): void {
    this.cached = undefined;
  }

  /** The decision for the identified customer with everything gathered so far. */
  decision(): Decision {
    if (!this.customer) throw new Error("decision() before the customer is identified");
    if (this.cached) return this.cached;
    const f = this.state.facts;
    this.cached = decide(
      this.deps.policy(),
      {
        customer: this.customer,
        coverage: this.coverage,
        conversation: {
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
        },
      },
      this.now,
    );
    return this.cached;
  }
}
