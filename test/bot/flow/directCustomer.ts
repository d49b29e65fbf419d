/**
 * A customer who wants to leave and asks nothing: says "I want to cancel", identifies, answers
 * every part of what the bot asks in one message (which services: all; why: their reason,
 * with the new postcode when moving; keeping the number: yes), tells the review "yes, cancel
 * it", declines an offer and confirms. Counts the messages from the first one to the one that
 * executes the cancellation, the identification left out.
 */
import type { BotTurn } from "../../../src/bot/botReply.js";
import { aCancellationBot } from "../cancellationBot.js";
import type { DemoStory } from "./demoCustomerStories.js";

/** What the customer answers to the bot's last turn; undefined when there is nothing to say. */
export function directAnswer(turn: BotTurn, story: DemoStory): { line?: string; identity: boolean } {
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
  if (turn.expecting === "confirm") return { line: "yes", identity: false };
  if (turn.expecting === "offer") return { line: "no thanks, just cancel", identity: false };
  if (turn.expecting === "new_postcode")
    return { line: story.newPostcode ?? "I'm not moving", identity: false };
  const parts: string[] = [];
  if (turn.stage !== "understand")
    return { line: turn.stage === "review" ? "yes, cancel it" : "I want to cancel", identity: false };
  if (/Which would you like to end/.test(asked)) parts.push("all of them");
  if (/keep your number/.test(asked)) parts.push("I want to keep my number");
  if (/why you're leaving/.test(asked))
    parts.push(story.newPostcode ? `${story.reason}, postcode ${story.newPostcode}` : story.reason);
  return { line: parts.length > 0 ? parts.join(", and ") : "I want to cancel", identity: false };
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
