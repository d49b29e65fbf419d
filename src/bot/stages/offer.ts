/**
 * At most the offers the policy allows (default one), said once, declined with one word. An
 * offer is never made after a "no", to someone we cannot serve, or to a bereaved or vulnerable
 * customer: the decision already says so, the bot only follows it.
 */
import { recordDecline, recordOffer } from "../../guardrails/index.js";
import { phrase, say } from "../botReply.js";
import { phrases } from "../phrases.js";
import type { Turn } from "../turn.js";
import { startConfirm } from "./confirm.js";

export async function startOffer(turn: Turn): Promise<void> {
  const { state } = turn;
  const offer = turn.decision().retention.offers.find((o) => !state.offersMade.includes(o.id));
  if (!offer) {
    await startConfirm(turn);
    return;
  }
  state.stage = "offer";
  state.expecting = "offer";
  // Said before it is recorded as made: it is checked against the decision that allows it.
  turn.say(
    say(offer.text, {
      card: { kind: "offer", data: { offerId: offer.id } },
      suggestions: ["No thanks, cancel", "I'll take the offer"],
    }),
  );
  state.offersMade.push(offer.id);
  state.ledger = recordOffer(state.ledger, {
    offerId: offer.id,
    messageId: `${turn.conversationId}:offer:${offer.id}`,
    at: turn.now.toISOString(),
  });
  turn.record("offer", { offerId: offer.id, ruleId: offer.ruleId, text: offer.text });
}

/**
 * The answer to an offer. A refusal or a repeated wish to cancel declines it; only an
 * unambiguous acceptance of the offer accepts it (one that reads as acceptance without the
 * question before it: "I'll take the offer", "ja, ich nehme das Angebot"). A bare "yes" after
 * an offer answers nothing and gets one neutral question; it never keeps the customer.
 */
export async function answerOffer(turn: Turn): Promise<boolean> {
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
  if (accepts) {
    turn.record("offer_answer", { offerId, answer: "accepted" });
    state.stage = "closed";
    state.expecting = "anything";
    turn.say(phrase(phrases.offerAccepted));
    return true;
  }
  if (declines) {
    state.offersDeclined++;
    state.ledger = recordDecline(state.ledger, {
      offerId,
      messageId: `${turn.conversationId}:decline:${offerId}`,
      at: turn.now.toISOString(),
    });
    turn.record("offer_answer", { offerId, answer: "declined" });
    turn.say(phrase(phrases.offerDeclined));
    await startConfirm(turn);
    return true;
  }
  if (heard.intents.includes("yes") || heard.intents.includes("accept_offer")) {
    turn.record("offer_answer", { offerId, answer: "unclear" });
    turn.say(phrase(phrases.offerOrCancel, { suggestions: ["Take the offer", "Go ahead and cancel"] }));
    return true;
  }
  return false;
}
