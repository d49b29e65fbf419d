/**
 * A customer who wants to leave and asks nothing: says "I want to cancel", identifies, answers
 * every part of what the bot asks in one message (which services: all; why: their reason,
 * with the new postcode when moving; keeping the number: yes), tells the review "yes, cancel
 * it", declines an offer and confirms. Counts the messages from the first one to the one that
 * executes the cancellation, the identification left out.
 */
import type { BotTurn } from "../../../src/bot/botReply.js";
import { aCancellationBot } from "../cancellationBot.js";
import { inAnyLanguage } from "../language/said.js";
import type { DemoStory } from "./demoCustomerStories.js";

/** The direct customer's answers, in the language they write. */
const ANSWERS = {
  en: {
    yes: "yes",
    declineOffer: "no thanks, just cancel",
    notMoving: "I'm not moving",
    yesCancel: "yes, cancel it",
    cancel: "I want to cancel",
    all: "all of them",
    keepNumber: "I want to keep my number",
    postcode: "postcode",
    and: ", and ",
  },
  de: {
    yes: "ja",
    declineOffer: "nein danke, einfach kündigen",
    notMoving: "Ich ziehe nicht um",
    yesCancel: "ja, kündigen",
    cancel: "Ich möchte kündigen",
    all: "alles",
    keepNumber: "ich möchte meine Nummer mitnehmen",
    postcode: "Postleitzahl",
    and: ", und ",
  },
  sv: {
    yes: "ja",
    declineOffer: "nej tack, säg upp",
    notMoving: "Jag flyttar inte",
    yesCancel: "ja, säg upp",
    cancel: "Jag vill säga upp",
    all: "allt",
    keepNumber: "jag vill behålla mitt nummer",
    postcode: "postnummer",
    and: ", och ",
  },
} as const;

/** The story's reason in `lang` (the stories tell theirs in English). */
function reasonIn(story: DemoStory, lang: keyof typeof ANSWERS): string {
  if (lang === "en") return story.reason;
  if (story.newPostcode) return lang === "de" ? "Wir ziehen um" : "Vi flyttar";
  return lang === "de" ? "zu teuer" : "det är för dyrt";
}

/**
 * What the customer answers to the bot's last turn; undefined when there is nothing to say.
 * `lang`: the language the customer writes (English unless told).
 */
export function directAnswer(
  turn: BotTurn,
  story: DemoStory,
  lang: keyof typeof ANSWERS = "en",
): { line?: string; identity: boolean } {
  const a = ANSWERS[lang];
  if (
    turn.stage === "closed" ||
    turn.stage === "handover" ||
    turn.stage === "farewell" ||
    turn.stage === "survey"
  )
    return { identity: false };
  if (turn.expecting === "account_number") return { line: story.accountNumber, identity: true };
  if (turn.expecting === "postcode") return { line: story.postcode, identity: true };
  const asked = turn.messages.map((m) => m.text).join("\n");
  if (turn.expecting === "confirm") return { line: a.yes, identity: false };
  if (turn.expecting === "offer") return { line: a.declineOffer, identity: false };
  if (turn.expecting === "new_postcode") return { line: story.newPostcode ?? a.notMoving, identity: false };
  const parts: string[] = [];
  if (turn.stage !== "understand")
    return { line: turn.stage === "review" ? a.yesCancel : a.cancel, identity: false };
  // Asked in the language the bot answers in (issue 16, class 8).
  if (inAnyLanguage((w) => w.whichServices).test(asked)) parts.push(a.all);
  if (inAnyLanguage((w) => w.askKeepNumber).test(asked)) parts.push(a.keepNumber);
  if (inAnyLanguage((w) => w.askReason).test(asked)) {
    const reason = reasonIn(story, lang);
    parts.push(story.newPostcode ? `${reason}, ${a.postcode} ${story.newPostcode}` : reason);
  }
  return { line: parts.length > 0 ? parts.join(a.and) : a.cancel, identity: false };
}

export interface MessagesToCancel {
  customerId: string;
  /** Customer messages from the first to the one that executed, identification left out. */
  messages: number;
  executed: boolean;
  handedOver: boolean;
  transcript: string[];
}

export async function messagesToCancel(story: DemoStory): Promise<MessagesToCancel> {
  const bot = await aCancellationBot();
  const chat = bot.chat();
  let messages = 0;
  let next: { line?: string; identity: boolean } = { line: "I want to cancel", identity: false };
  for (let guard = 0; next.line !== undefined && guard < 20; guard++) {
    const turn = await chat.says(next.line);
    if (!next.identity) messages++;
    if (turn.messages.some((m) => m.card?.kind === "receipt"))
      return {
        customerId: story.customerId,
        messages,
        executed: true,
        handedOver: false,
        transcript: chat.transcript,
      };
    next = directAnswer(turn, story);
  }
  return {
    customerId: story.customerId,
    messages,
    executed: false,
    handedOver: chat.stage === "handover",
    transcript: chat.transcript,
  };
}
