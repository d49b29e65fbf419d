/**
 * One incoming activity, answered by the conversation engine: a message is the customer's
 * words (or a card button's), a conversationUpdate that adds the customer opens the
 * conversation with the greeting, anything else gets no reply. Shared by the Bot Framework
 * endpoint and the Direct Line endpoint, so every channel behaves the same.
 */
import type { ConversationEngine } from "../bot/conversationEngine.js";
import { wordsFor } from "../bot/words/index.js";
import { sha256Base64url } from "../domain/sha256.js";
import { IncomingActivity, MAX_MESSAGE_LENGTH, pickIncoming, type ReplyActivity } from "./activity.js";
import { incomingText } from "./incomingText.js";
import { replyActivities } from "./replyActivities.js";

export interface ActivityScope {
  /** The engine's conversation id for this channel conversation. */
  conversationId: string;
  channel: string;
  /** The bot's own id in the channel (a conversationUpdate adding only the bot is not a greeting cue). */
  botId?: string;
  trustedCustomerId?: string;
  /** The channel showed the engine's `opening()`; the first message records it in the transcript. */
  openingShown?: boolean;
}

/**
 * Channel conversation ids (Teams: `a:1Xk…` of 100+ characters with colons) are not valid
 * engine ids; this maps one to a stable engine id, so the conversation resumes where it was.
 */
export function engineConversationId(channel: string, channelConversationId: string): string {
  const digest = sha256Base64url(`${channel}\u0000${channelConversationId}`);
  return `bf-${digest.slice(0, 32)}`;
}

const plain = (text: string, scope: ActivityScope, stage: string): ReplyActivity => ({
  type: "message",
  text,
  textFormat: "plain",
  inputHint: "expectingInput",
  channelData: {
    fairexit: { conversationId: scope.conversationId, stage, expecting: "anything", discharges: [] },
  },
});

export async function respondToActivity(
  engine: ConversationEngine,
  raw: unknown,
  scope: ActivityScope,
): Promise<ReplyActivity[]> {
  const parsed = IncomingActivity.safeParse(pickIncoming(raw));
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((i) => i.path[0] === "text" && i.code === "too_big");
    if (!tooLong) return [];
    const words = wordsFor(await engine.languageOf(scope.conversationId));
    return [plain(words.messageTooLong(MAX_MESSAGE_LENGTH), scope, "unchanged")];
  }
  const activity = parsed.data;
  const options = {
    channel: scope.channel,
    trustedCustomerId: scope.trustedCustomerId,
    openingShown: scope.openingShown,
  };
  if (activity.type === "conversationUpdate") {
    const customerJoined = activity.membersAdded?.some((m) => m.id !== scope.botId);
    if (!customerJoined) return [];
    return replyActivities(await engine.start(scope.conversationId, options));
  }
  if (activity.type !== "message") return [];
  const request = requestOf(activity);
  const text =
    request === "talk_to_person"
      ? // The page's "Talk to a person" button: the button's words in the conversation's language,
        // so asking for a person never switches the language.
        wordsFor(await engine.languageOf(scope.conversationId)).buttons.talkToPerson
      : incomingText(activity);
  if (text === undefined)
    return [plain(wordsFor(await engine.languageOf(scope.conversationId)).textOnly, scope, "unchanged")];
  return replyActivities(await engine.receive(scope.conversationId, text, options));
}

/**
 * A language-neutral request a page control posts instead of words (`value: { request:
 * "talk_to_person" }`), or undefined.
 */
function requestOf(activity: IncomingActivity): "talk_to_person" | undefined {
  const value = activity.value;
  return value !== null &&
    typeof value === "object" &&
    (value as { request?: unknown }).request === "talk_to_person"
    ? "talk_to_person"
    : undefined;
}
