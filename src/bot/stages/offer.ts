/**
 * At most the offers the policy allows (default one), said once, declined with one word. An
 * offer is never made after a "no", to someone we cannot serve, or to a bereaved or vulnerable
 * customer: the decision already says so, the bot only follows it.
 */
import { recordDecline, recordOffer } from "../../guardrails/index.js";
import { rewordable, verbatim } from "../botReply.js";
import type { StageResult } from "../stageResult.js";
import type { TurnContext } from "../turnContext.js";
import { startConfirm } from "./confirm.js";

export async function startOffer(turn: TurnContext): Promise<StageResult> {
  const { state } = turn;
  const offer = turn.decision().retention.offers.find((o) => !state.offersMade.includes(o.id));
  if (!offer) return startConfirm(turn);
  return {
    // Said before it is recorded as made: it is checked against the decision that allows it.
    replies: [
      verbatim(offer.text, {
        card: { kind: "offer", data: { offerId: offer.id } },
        suggestions: [turn.words.buttons.declineOffer, turn.words.buttons.acceptOffer],
      }),
    ],
    audit: [{ kind: "offer", data: { offerId: offer.id, ruleId: offer.ruleId, text: offer.text } }],
    state: {
      stage: "offer",
      expecting: "offer",
      offersMade: [...state.offersMade, offer.id],
      ledger: recordOffer(state.ledger, {
        offerId: offer.id,
        messageId: `${turn.conversationId}:offer:${offer.id}`,
        at: turn.now.toISOString(),
      }),
    },
  };
}

/**
 * The answer to an offer. A refusal or a repeated wish to cancel declines it; only an
 * unambiguous acceptance of the offer accepts it (one that reads as acceptance without the
 * question before it: "I'll take the offer", "ja, ich nehme das Angebot"). A bare "yes" after
 * an offer answers nothing and gets one neutral question; it never keeps the customer.
 * Undefined when the message does not answer the offer.
 */
export async function answerOffer(turn: TurnContext): Promise<StageResult | undefined> {
  const { heard, state } = turn;
  const offerId = state.offersMade.at(-1);
  const declines =
    heard.intents.includes("decline_offer") ||
    heard.intents.includes("no") ||
    heard.intents.includes("cancel");
  const accepts =
    !declines &&
    heard.intents.includes("accept_offer") &&
    turn.deps.understand(turn.text, "anything").intents.includes("accept_offer");
  if (accepts)
    return {
      replies: [rewordable(turn.words.offerAccepted)],
      audit: [{ kind: "offer_answer", data: { offerId, answer: "accepted" } }],
      state: { stage: "closed", expecting: "anything" },
    };
  if (declines) {
    turn.apply({
      replies: [rewordable(turn.words.offerDeclined)],
      audit: [{ kind: "offer_answer", data: { offerId, answer: "declined" } }],
      state: {
        offersDeclined: state.offersDeclined + 1,
        ledger: recordDecline(state.ledger, {
          offerId,
          messageId: `${turn.conversationId}:decline:${offerId}`,
          at: turn.now.toISOString(),
        }),
      },
    });
    return startConfirm(turn);
  }
  if (heard.intents.includes("yes") || heard.intents.includes("accept_offer"))
    return {
      replies: [
        rewordable(turn.words.offerOrCancel, {
          suggestions: [turn.words.buttons.takeOffer, turn.words.buttons.goAheadCancel],
        }),
      ],
      audit: [{ kind: "offer_answer", data: { offerId, answer: "unclear" } }],
    };
  return undefined;
}
