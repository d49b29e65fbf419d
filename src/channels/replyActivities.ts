/**
 * A bot turn as Bot Framework activities: one message activity per bot message, with its card,
 * quick replies on the last message only, and `channelData.fairexit` (stage, what the bot
 * expects, the obligations that very message discharged) for integrators; cards are labelled
 * in the conversation's language.
 */
import type { BotTurn } from "../bot/botReply.js";
import type { ReplyActivity } from "./activity.js";
import { adaptiveCardFor, cardHasButtons } from "./adaptiveCards.js";

export function replyActivities(turn: BotTurn): ReplyActivity[] {
  return turn.messages.map((message, i) => {
    const last = i === turn.messages.length - 1;
    const card = adaptiveCardFor(message, turn.language);
    const activity: ReplyActivity = {
      type: "message",
      text: message.text,
      textFormat: "plain",
      inputHint: last ? "expectingInput" : "ignoringInput",
      channelData: {
        fairexit: {
          conversationId: turn.conversationId,
          stage: turn.stage,
          expecting: turn.expecting,
          discharges: message.discharges,
          ...(message.card ? { card: message.card.kind } : {}),
        },
      },
    };
    if (card) activity.attachments = [card];
    if (last && message.suggestions?.length && !(card && cardHasButtons(message)))
      activity.suggestedActions = {
        actions: message.suggestions.map((s) => ({ type: "imBack", title: s, value: s })),
      };
    return activity;
  });
}
