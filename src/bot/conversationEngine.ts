/**
 * The cancellation conversation, channel-agnostic. `receive` takes one customer message and
 * returns the bot's replies: it loads the conversation (creating it on the first message),
 * understands the message, moves the conversation on, checks every outgoing text with the
 * utterance checker (a text that fails never reaches the customer: see messageGuard), records
 * disclosures in the ledger, persists the turn in one write and appends the audit entries.
 *
 * A confirmed cancellation is committed to the outbox before anything is delivered (see
 * stages/execute); the conversation and the audit log are written after. When a crash came
 * between the two, the next turn of that conversation (or `resumeUnfinished` at start) brings
 * them up to date from the outbox's record first, so the bot never forgets a "yes".
 */

import { type Conversation, ConversationId, type Turn as StoredTurn } from "../domain/conversation.js";
import { deepFreeze, mutableCopy } from "../domain/deepFreeze.js";
import { KeyedMutex } from "../domain/keyedMutex.js";
import type { Language } from "../domain/language.js";
import { StoreError } from "../domain/ports.js";
import { maskTypedPersonalData } from "../domain/typedPersonalData.js";
import { parseWith } from "../domain/validation.js";
import { dispatchDue } from "../execution/dispatchOutbox.js";
import {
  checkUtterance,
  discharge,
  type Finding,
  hashText,
  obligationsRenderedIn,
} from "../guardrails/index.js";
import { type BotMessage, type BotTurn, rewordable } from "./botReply.js";
import { chooseLanguage } from "./chooseLanguage.js";
import { ConversationState, initialState } from "./conversationState.js";
import { phraseWithLlm } from "./llm/llmFallback.js";
import { guardMessages, NO_DECISION_YET, withoutOffers } from "./messageGuard.js";
import type { ConversationDeps } from "./ports.js";
import { recoverCancellation } from "./recoverCancellation.js";
import { route } from "./route.js";
import { startUnderstanding } from "./stages/gatherFacts.js";
import { type PendingAudit, TurnContext } from "./turnContext.js";
import { understandMessage } from "./understandMessage.js";
import { en } from "./words/en.js";
import { languageOfLocale, type Words } from "./words/index.js";

export interface ReceiveOptions {
  /** The channel the conversation is in (webchat, msteams, terminal …); used when it is new. */
  channel?: string;
  /** A customer the channel has already authenticated (a signed-in website's token). */
  trustedCustomerId?: string;
  /**
   * The channel already showed `opening()` for this new conversation: it is recorded in the
   * transcript before the customer's first message, and not said again.
   */
  openingShown?: boolean;
}

/** How often a turn that lost a race to another instance is run again before the caller is told. */
export const CONFLICT_RETRIES = 3;

/**
 * Runs a turn, and runs it again when the store refused its save because another instance
 * stored a turn of the same conversation first (`StoreError("conflict")`; several instances on
 * PostgreSQL, no sticky sessions). The turn is decided again on what the other instance stored,
 * and never overwrites it. Of a turn, only two things are written before its save: the commit of
 * a confirmed cancellation, which the next run finds and records instead of repeating, and a
 * hand-over request, whose id comes from the conversation and the turn's instant: every run of
 * a turn has the instant of its first (the caller takes it once), so a run again announces the
 * same id and the hand-over stores record it once. After CONFLICT_RETRIES the conflict goes to
 * the caller (HTTP: 503 with Retry-After: 1).
 */
async function runAgainOnConflict<T>(turn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await turn();
    } catch (e) {
      if (!(e instanceof StoreError && e.code === "conflict") || attempt >= CONFLICT_RETRIES) throw e;
    }
  }
}

export class ConversationEngine {
  /** Turns of one conversation run one at a time (a double-clicked "Confirm" is two turns, in order). */
  private readonly turns = new KeyedMutex();
  /**
   * States this engine wrote itself (frozen before they were handed to the store, which keeps
   * them as they are): read back, they need no validation, only a copy to change. A state
   * from anywhere else (a file written before a restart, another process) is validated.
   */
  private readonly ownStates = new WeakSet<object>();

  constructor(private readonly deps: ConversationDeps) {}

  /** Opens a conversation with the greeting (and, with a trusted identity, the first question). */
  async start(conversationId: string, options: ReceiveOptions = {}): Promise<BotTurn> {
    return this.turns.run(conversationId, () => {
      const now = this.deps.clock.now(); // one instant for every run of the turn
      return runAgainOnConflict(() => this.run(conversationId, undefined, options, now));
    });
  }

  /**
   * What an anonymous conversation opens with, without storing anything: a public web page can
   * greet every visitor, and only those who write leave a conversation in the store.
   */
  opening(conversationId: string): BotTurn {
    parseWith(ConversationId, conversationId, "conversation id");
    return {
      conversationId,
      stage: "identify",
      expecting: "account_number",
      language: "en",
      messages: openingMessages(),
    };
  }

  /**
   * After a restart: every confirmed cancellation the conversation or the audit log does not
   * show yet is recorded there, then whatever is due in the outbox is delivered.
   */
  async resumeUnfinished(): Promise<{ recovered: number }> {
    const { deps } = this;
    let recovered = 0;
    for (const c of await deps.outbox.unrecorded()) {
      await this.turns.run(c.conversationId, async () => {
        const conversation = await deps.store.conversations.get(c.conversationId);
        if (conversation)
          await recoverCancellation(deps, conversation, c, this.stateOf(conversation), (saved) =>
            this.ownStates.add(saved),
          );
      });
      recovered++;
    }
    await dispatchDue(deps);
    return { recovered };
  }

  /**
   * The language conversation `conversationId` is answered in (English when it is new or has
   * none yet), for what a channel says before the conversation sees a message.
   */
  async languageOf(conversationId: string): Promise<Language> {
    const conversation = await this.deps.store.conversations.get(conversationId);
    const parsed = ConversationState.shape.language.safeParse(
      (conversation?.state as { language?: unknown } | undefined)?.language,
    );
    return (parsed.success && parsed.data) || "en";
  }

  /** Handles one customer message. */
  async receive(conversationId: string, text: string, options: ReceiveOptions = {}): Promise<BotTurn> {
    const masked = maskTypedPersonalData(text);
    return this.turns.run(conversationId, () => {
      const now = this.deps.clock.now(); // one instant for every run of the turn
      return runAgainOnConflict(() => this.run(conversationId, masked, options, now));
    });
  }

  private async run(
    conversationId: string,
    text: string | undefined,
    options: ReceiveOptions,
    now: Date,
  ): Promise<BotTurn> {
    const { deps } = this;
    parseWith(ConversationId, conversationId, "conversation id");
    let conversation = await deps.store.conversations.get(conversationId);
    const unfinished = conversation ? await deps.outbox.cancellationOf(conversationId) : undefined;
    if (conversation && unfinished && !unfinished.recorded)
      conversation = await recoverCancellation(
        deps,
        conversation,
        unfinished,
        this.stateOf(conversation),
        (saved) => this.ownStates.add(saved),
      );
    let greet = false;
    let shown: BotMessage[] = [];
    if (!conversation) {
      // Frozen first, so the store keeps it as it is and the next turn knows the state as its own.
      conversation = deepFreeze(this.newConversation(conversationId, options, now));
      this.ownStates.add(conversation.state as object);
      await deps.store.conversations.create(conversation);
      if (options.openingShown && !options.trustedCustomerId && text !== undefined) shown = openingMessages();
      else greet = true;
    }
    // The order of work (docs/architecture.md, "The conversation flow"): understand -> language
    // -> checks before every stage and the stage (route, flow.ts) -> rewording -> guard -> save.
    const state = this.stateOf(conversation);
    const customer = state.customerId ? await deps.store.customers.get(state.customerId) : undefined;
    const understood: PendingAudit[] = [];
    const heard = await understandMessage(
      deps,
      this.budget(),
      { conversationId, text, state, customer },
      understood,
    );
    const turn = new TurnContext(
      deps,
      conversationId,
      state,
      heard,
      text ?? "",
      now,
      await deps.store.customers.coverage(),
    );
    if (state.customerId) turn.customer = customer;
    // The language they write in (or, once known, the account's), from the first reply on.
    state.language = chooseLanguage(state.language, text, turn.customer);
    for (const r of understood) turn.record(r.kind, r.data);
    if (greet) turn.say(greetingMessage(turn.words));

    if (text === undefined) {
      if (state.trustedIdentity && turn.customer && state.stage === "understand") {
        turn.say(rewordable(turn.words.trustedHello(turn.customer)));
        turn.apply(await startUnderstanding(turn));
      } else if (state.stage === "identify") turn.say(rewordable(turn.words.askAccount));
    } else {
      await route(turn);
    }
    const firstSeq = conversation.turns.length + shown.length + (text === undefined ? 0 : 1);
    const templates = await this.rewordAll(turn, firstSeq);
    // Nothing the checker flags reaches the customer (see messageGuard).
    await guardMessages(
      turn,
      (m) => this.check(turn, m),
      templates,
      (i) => firstSeq + i,
    );
    const replies = await this.persist(conversation, turn, text, shown);
    const confirmed = await deps.outbox.cancellationOf(conversationId);
    if (confirmed && !confirmed.recorded) {
      // The conversation and the audit log show it now; then anything of it still due goes out.
      await deps.outbox.markRecorded(conversationId, now);
      await dispatchDue({ ...deps, clock: { now: () => now } }, { conversationId });
    }
    return replies;
  }

  private budget(): number {
    return this.deps.llmBudgetMs ?? 2000;
  }

  /**
   * The findings of message `m`: checked against the decision it was composed under (one said
   * before any decision of this turn, or after the facts changed, against the decision as it
   * stands now) once the customer is known and a policy revision chosen, before that against
   * "no decision yet" (no offer may be made), and against the ledger. `ownWords`: an LLM's
   * rewording of the bot's own words, which may make no offer at all.
   */
  private check(turn: TurnContext, m: BotMessage, ownWords = false): Finding[] {
    const decided = turn.customer !== undefined && turn.state.policyRevision !== undefined;
    const composed = decided ? (turn.decisionWhenSaid(m) ?? turn.decision()) : NO_DECISION_YET;
    const decision = ownWords ? withoutOffers(composed) : composed;
    return checkUtterance(this.deps.policy(), m.text, {
      speaker: "bot",
      decision,
      ledger: turn.state.ledger,
    });
  }

  /**
   * The bot's own phrases may be reworded by the LLM; the rewording must pass the checker, with
   * the decision. Returns the template of each message it reworded.
   */
  private async rewordAll(turn: TurnContext, firstSeq: number): Promise<Map<BotMessage, string>> {
    const templates = new Map<BotMessage, string>();
    const { llm, logger } = this.deps;
    if (!llm) return templates;
    // The conversation's language, in the account's regional form when it is the account's.
    const own = turn.customer?.locale;
    const locale =
      own && languageOfLocale(own) === turn.language
        ? own
        : { en: "en-GB", de: "de-DE", sv: "sv-SE" }[turn.language];
    for (const [i, m] of turn.out.entries()) {
      if (!m.rewordable) continue;
      let rejected: Finding[] = [];
      const phrased = await phraseWithLlm(
        m.text,
        llm,
        { locale, purpose: `a ${turn.state.stage} message of a cancellation chat` },
        (t) => {
          rejected = this.check(turn, { ...m, text: t }, true);
          return rejected;
        },
        this.budget(),
        {
          names: turn.customer ? [turn.customer.name.given, turn.customer.name.family] : [],
          onFallback: (f) => {
            logger.warn(
              { conversationId: turn.conversationId, step: f.step, reason: f.reason },
              "LLM fallback",
            );
            // A rewording the checker rejected never reached the customer; the finding is audited.
            if (f.reason === "tone" && rejected.length > 0)
              turn.record("tone_finding", {
                seq: firstSeq + i,
                blocked: true,
                replacedWith: "template",
                source: "llm",
                findings: rejected.map((x) => ({
                  category: x.category,
                  ruleId: x.ruleId,
                  span: x.span.text,
                })),
              });
          },
        },
      );
      if (phrased.text !== m.text) templates.set(m, m.text);
      m.text = phrased.text;
    }
    return templates;
  }

  /** The stored state as a value this turn may change. */
  private stateOf(conversation: Conversation): ConversationState {
    const stored = conversation.state;
    if (typeof stored === "object" && stored !== null && this.ownStates.has(stored))
      return thawed(stored as ConversationState);
    const parsed = ConversationState.safeParse(stored);
    if (!parsed.success)
      throw new StoreError("invalid_data", `conversation ${conversation.id}: state is not valid`);
    return mutableCopy(parsed.data);
  }

  private newConversation(id: string, options: ReceiveOptions, now: Date): Conversation {
    const channel = options.channel ?? "direct";
    return {
      id,
      channel,
      customerId: options.trustedCustomerId,
      startedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      state: initialState(channel, options.trustedCustomerId),
      turns: [],
    };
  }

  private async persist(
    conversation: Conversation,
    turn: TurnContext,
    text: string | undefined,
    shown: readonly BotMessage[],
  ): Promise<BotTurn> {
    const at = turn.now.toISOString();
    // Once the customer is known and a policy revision chosen, each message has a decision.
    const decided = turn.customer !== undefined && turn.state.policyRevision !== undefined;
    const id = conversation.id;
    let seq = conversation.turns.length;
    const turns: StoredTurn[] = [];
    for (const m of shown)
      turns.push(this.botTurn(m, { seq: seq++, at, stage: "identify", conversationId: id }, turn, decided));
    if (text !== undefined) turns.push({ seq: seq++, at, speaker: "customer", text });
    const stage = turn.state.stage;
    for (const m of turn.out)
      turns.push(this.botTurn(m, { seq: seq++, at, stage, conversationId: id }, turn, decided));
    const { deps } = this;
    const saved = deepFreeze(turn.state);
    this.ownStates.add(saved);
    await deps.store.conversations.appendTurns(
      conversation.id,
      // Frozen here, the store keeps them without a copy.
      deepFreeze(turns),
      saved,
      turn.state.customerId ? { customerId: turn.state.customerId } : {},
    );
    await deps.audit.recordAll(conversation.id, turn.audit);
    return {
      conversationId: conversation.id,
      stage: turn.state.stage,
      expecting: turn.state.expecting,
      language: turn.language,
      messages: turn.out,
    };
  }

  /** One bot message (checked by the guard already) as a stored turn, its disclosures in the ledger. */
  private botTurn(
    m: BotMessage,
    where: { seq: number; at: string; stage: string; conversationId: string },
    turn: TurnContext,
    decided: boolean,
  ): StoredTurn {
    const { deps } = this;
    const { seq, at } = where;
    // The decision it was composed under; one said before any decision of this turn (or after
    // the facts changed) the decision as it stands now.
    const decision = decided ? (turn.decisionWhenSaid(m) ?? turn.decision()) : undefined;
    if (m.discharges.length > 0 && decision) {
      // Only a message that really contains an obligation's words discharges it.
      const { discharged, unmatched } = obligationsRenderedIn(decision, m.text, m.discharges);
      if (unmatched.length > 0)
        deps.logger.error({ unmatched }, "message claimed a disclosure it does not contain");
      const textHash = hashText(m.text);
      turn.state.ledger = discharge(turn.state.ledger, discharged, {
        messageId: `${where.conversationId}:${seq}`,
        seq,
        at,
        text: m.text,
        textHash,
      });
      for (const id of discharged) turn.record("disclosure", { obligationId: id, seq, textHash });
    }
    return {
      seq,
      at,
      speaker: "bot",
      text: m.text,
      meta: { stage: where.stage, discharges: m.discharges, ...(m.card ? { card: m.card.kind } : {}) },
    };
  }
}

/**
 * A state this engine froze, as a value a turn may change: a copy, except the ledger, which is
 * only ever replaced (every ledger function returns a new ledger) and so is shared as it is,
 * frozen. It is most of a late state, and its frozen parts are not frozen again on the way back.
 */
function thawed(stored: ConversationState): ConversationState {
  const { ledger, ...rest } = stored;
  return { ...mutableCopy(rest), ledger };
}

const greetingMessage = (words: Words): BotMessage =>
  rewordable(words.greeting, { suggestions: [words.buttons.startCancel, words.buttons.talkToPerson] });

/**
 * The greeting and the first question of a conversation with an unknown customer, shown before
 * anyone writes: in English, as nothing tells another language yet.
 */
const openingMessages = (): BotMessage[] => [greetingMessage(en), rewordable(en.askAccount)];
