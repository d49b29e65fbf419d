import { type Decision, decisionOfNothing } from "../domain/decision.js";
import type { Finding } from "../guardrails/index.js";
import { hashText } from "../guardrails/index.js";
import type { BotMessage } from "./botReply.js";
import { recordHandover, startHandover } from "./stages/handover.js";
import type { TurnContext } from "./turnContext.js";
import { en } from "./words/en.js";

/** The rule id a guard hand-over and its audit carry. */
export const GUARD_RULE = "bot.guard";

/**
 * Said (in English) instead of a message that failed the check, before anything was cancelled;
 * each language's wording is `guardSafeText` in its catalog (src/bot/words).
 */
export const GUARD_SAFE_TEXT = en.guardSafeText;

/**
 * `decision` as the bot's own words are checked against when an LLM rewords them: they never
 * make an offer (offers are policy text, said verbatim), so any offer in a rewording is one of
 * the model's own, even while the decision still allows the policy's offer.
 */
export function withoutOffers(decision: Decision): Decision {
  return {
    ...decision,
    retention: {
      ...decision.retention,
      allowed: false,
      remaining: 0,
      blockedBy: [{ ruleId: "bot.own-words", reason: "The bot's own words never make an offer." }],
    },
  };
}

export type MessageCheck = (m: BotMessage) => Finding[];

/**
 * What a message is checked against before the bot has told the customer any decision (before
 * identification, while it asks which services and why): nothing is owed or waived yet, and no
 * offer may be made, so a rewording that adds one is caught as early as later on.
 */
export const NO_DECISION_YET: Decision = Object.freeze(
  decisionOfNothing({
    policyRevision: "(none yet)",
    decidedAt: "1970-01-01T00:00:00.000Z",
    customerId: "",
    because: {
      ruleId: "bot.no-decision-yet",
      reason: "No offer before the customer has heard the decision.",
    },
    escalate: false,
    alumniReason: "no decision yet",
    trace: [],
  }),
);

/**
 * Checks every message of `turn` from `from` on, replaces those that fail (see above) and
 * records each replacement. `templates` holds the template of each message an LLM reworded;
 * `seqOf(i)` is the transcript position message `i` will have. A person takes over when a
 * message had to be replaced by the neutral wording.
 */
export async function guardMessages(
  turn: TurnContext,
  check: MessageCheck,
  templates: ReadonlyMap<BotMessage, string>,
  seqOf: (index: number) => number,
): Promise<{ blocked: number }> {
  let blocked = 0;
  let needsPerson = false;
  const guardFrom = async (from: number, allowHandover: boolean) => {
    for (let i = from; i < turn.out.length; i++) {
      const m = turn.out[i]!;
      const findings = check(m);
      if (findings.length === 0) continue;
      blocked++;
      const notSent = m.text;
      const template = templates.get(m);
      let replacedWith: "template" | "neutral";
      if (template !== undefined && template !== m.text && check({ ...m, text: template }).length === 0) {
        m.text = template;
        replacedWith = "template";
      } else {
        replaceWithNeutral(turn, m);
        replacedWith = "neutral";
        if (allowHandover) needsPerson = true;
      }
      turn.deps.logger.warn(
        { conversationId: turn.conversationId, findings: findings.map((f) => `${f.category}:${f.ruleId}`) },
        "bot text blocked",
      );
      turn.record("tone_finding", {
        seq: seqOf(i),
        blocked: true,
        replacedWith,
        notSentHash: hashText(notSent),
        findings: findings.map((f) => ({ category: f.category, ruleId: f.ruleId, span: f.span.text })),
      });
    }
  };
  await guardFrom(0, true);
  if (needsPerson && turn.state.stage !== "handover") {
    const before = turn.out.length;
    await handOver(turn);
    // The hand-over's own words are checked too; one that failed is replaced, never handed over again.
    await guardFrom(before, false);
  }
  return { blocked };
}

/** The message becomes the neutral wording: no card, no disclosure, no rewording. */
function replaceWithNeutral(turn: TurnContext, m: BotMessage): void {
  m.text = turn.state.executedAt
    ? turn.words.guardSafeTextAfterCancellation(turn.state.reference)
    : turn.words.guardSafeText;
  m.discharges = [];
  delete m.card;
  delete m.suggestions;
  m.rewordable = false;
}

async function handOver(turn: TurnContext): Promise<void> {
  const reasons = [{ ruleId: GUARD_RULE, reason: turn.words.guardHandoverReason }];
  if (!turn.state.executedAt) {
    turn.apply(await startHandover(turn, reasons));
    return;
  }
  // After the cancellation was carried out the hand-over says nothing of "nothing cancelled":
  // the neutral wording already told the customer what happens.
  const { id, state } = await recordHandover(turn, reasons, ":guard");
  turn.apply({
    replies: [],
    audit: [{ kind: "handover", data: { handoverId: id, reasons, afterCancellation: true } }],
    state,
  });
}
