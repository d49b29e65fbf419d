/**
 * One turn of the conversation: the state being changed, what the customer said, what the bot
 * will say, and the decision for the customer as it stands (computed on demand, purely, from
 * the policy, the customer, the coverage and what the conversation has established).
 */
import { isDeepStrictEqual } from "node:util";
import type { AuditKind } from "../domain/auditEntry.js";
import type { Coverage, Customer } from "../domain/customer.js";
import type { Decision, DecisionContext, Obligation, Stage } from "../domain/decision.js";
import type { Language } from "../domain/language.js";
import type { Understanding } from "../domain/understanding.js";
import { pendingBefore } from "../guardrails/index.js";
import type { CompiledPolicy } from "../policies/compiledPolicy.js";
import { decide } from "../policies/decide.js";
import type { BotMessage } from "./botReply.js";
import type { ConversationState } from "./conversationState.js";
import type { ConversationDeps } from "./ports.js";
import type { PendingAudit, StageResult } from "./stageResult.js";
import { type Words, wordsFor } from "./words/index.js";

export type { PendingAudit };

export class TurnContext {
  readonly out: BotMessage[] = [];
  readonly audit: PendingAudit[] = [];
  customer: Customer | undefined;
  /** The last decision of this turn and everything it was decided from. */
  private decided: { decision: Decision; from: DecisionInputs } | undefined;
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

  /** The language the bot answers in, as chosen so far in this conversation. */
  get language(): Language {
    return this.state.language ?? "en";
  }

  /** The bot's words in the conversation's language. */
  get words(): Words {
    return wordsFor(this.state.language);
  }

  say(message: BotMessage): void {
    this.out.push(message);
    const current = this.decisionIfCurrent();
    if (current) this.composedUnder.set(message, current);
  }

  /**
   * The decision `message` was composed under: the one in force when it was said, if one was
   * made by then in this turn from the facts as they were when it was said (compared, not
   * assumed: nothing has to announce a change of facts).
   */
  decisionWhenSaid(message: BotMessage): Decision | undefined {
    return this.composedUnder.get(message);
  }

  record(kind: AuditKind, data: Record<string, unknown>): void {
    this.audit.push({ kind, data });
  }

  /**
   * Applies what a stage produced, the one place a `StageResult` reaches the turn: its replies
   * are said (each under the decision as it stands now), its audit records kept, then its state
   * changes made (and the customer it identified known to the turn).
   */
  apply(result: StageResult): void {
    for (const m of result.replies) this.say(m);
    for (const a of result.audit ?? []) this.audit.push(a);
    if (result.state) Object.assign(this.state, result.state);
    if (result.identified) this.customer = result.identified;
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
   * The decision for the identified customer with everything gathered so far: decided again
   * whenever anything it is decided from (the policy in force, the customer, what the
   * conversation has established) differs from what the last decision was made from.
   */
  decision(): Decision {
    if (!this.customer) throw new Error("decision() before the customer is identified");
    const from = this.inputs(this.customer);
    if (this.decided && sameInputs(this.decided.from, from)) return this.decided.decision;
    const decision = decide(
      from.policy,
      {
        customer: from.customer,
        coverage: this.coverage,
        conversation: from.conversation,
        language: from.language,
      },
      this.now,
    );
    this.decided = { decision, from };
    return decision;
  }

  /** The last decision of this turn if it was made from the inputs as they are now. */
  private decisionIfCurrent(): Decision | undefined {
    if (!this.decided || !this.customer) return undefined;
    return sameInputs(this.decided.from, this.inputs(this.customer)) ? this.decided.decision : undefined;
  }

  /** What `decide` reads besides the coverage and the clock (both fixed for the turn). */
  private inputs(customer: Customer): DecisionInputs {
    return {
      policy: this.deps.policy(),
      customer,
      conversation: this.conversationFacts(),
      language: this.language,
    };
  }

  /** A copy (arrays too), so a fact changed in place later is seen as a change. */
  private conversationFacts(): ConversationFacts {
    const f = this.state.facts;
    return {
      serviceIds: f.serviceIds && [...f.serviceIds],
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

interface DecisionInputs {
  policy: CompiledPolicy;
  customer: Customer;
  conversation: ConversationFacts;
  language: Language;
}

/**
 * The same policy revision object and customer record, and equal conversation facts (compared
 * field by field, so a fact added to `ConversationFacts` is compared without anyone remembering to).
 */
function sameInputs(a: DecisionInputs, b: DecisionInputs): boolean {
  return (
    a.policy === b.policy &&
    a.customer === b.customer &&
    a.language === b.language &&
    isDeepStrictEqual(a.conversation, b.conversation)
  );
}
