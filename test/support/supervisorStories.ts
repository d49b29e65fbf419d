/**
 * Data for the supervisor dashboard's tests, made the way production makes it: demo customers
 * talk to the real bot over POST /api/messages (Teams-shaped, card buttons pressed), so the
 * conversations, turns and audit entries the report reads are the real ones. A few customers
 * cancel, one accepts the retention offer, one is handed over to a person; and an agent's call
 * goes through agent assist, with a sentence flagged for its tone.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { wordsFor } from "../../src/bot/words/index.js";
import { BotFrameworkChat } from "./botFrameworkChat.js";
import { repoRoot } from "./runFairexit.js";

export interface SupervisorStory {
  account: string;
  postcode: string;
  reason: string;
  newPostcode?: string;
  /** What the customer does with a retention offer. */
  offer: "decline" | "accept";
  language?: "de";
}

export const SUPERVISOR_STORIES: SupervisorStory[] = [
  {
    account: "UK104552",
    postcode: "BS6 5QA",
    reason: "the service keeps dropping and you billed me for a channel I never ordered",
    offer: "decline",
  },
  {
    account: "UK550913",
    postcode: "NG7 2RD",
    reason: "the installer was 3 hours late and you charged me a fee nobody mentioned",
    offer: "decline",
  },
  {
    account: "SE204718",
    postcode: "169 57",
    reason: "We're moving to Jokkmokk",
    newPostcode: "962 31",
    offer: "decline",
  },
  { account: "UK481207", postcode: "LS6 3HN", reason: "you put the price up", offer: "accept" },
  { account: "UK209934", postcode: "NR2 3PB", reason: "my father passed away", offer: "decline" },
];

export interface StoryOutcome {
  account: string;
  conversationId: string;
  /** The stage the conversation ended in: `closed` (receipt or kept), `handover`, or where it stopped. */
  stage: string;
  transcript: string[];
}

/** Talks one story through to its end; returns where it ended. */
export async function talkThrough(baseUrl: string, story: SupervisorStory): Promise<StoryOutcome> {
  const chat = new BotFrameworkChat(baseUrl, "msteams");
  const buttons = wordsFor(story.language).buttons;
  await chat.joins();
  await chat.says("Hi, I want to cancel");
  await chat.says(story.account);
  await chat.says(story.postcode);
  if (chat.state.stage !== "handover") await chat.says(story.reason);
  for (let guard = 0; guard < 25; guard++) {
    const { stage, expecting } = chat.state;
    if (stage === "closed" || stage === "handover") break;
    if (expecting === "services") await chat.says("all of them");
    else if (expecting === "reason") await chat.says(story.reason);
    else if (expecting === "new_postcode") await chat.says(story.newPostcode ?? "I'm not moving");
    else if (expecting === "keep_number") await chat.says("yes");
    else if (expecting === "offer")
      await chat.clicks(story.offer === "accept" ? buttons.acceptOffer : buttons.declineOffer);
    else if (expecting === "confirm") await chat.clicks(buttons.confirmCancel);
    else if (expecting === "consent") await chat.says("no");
    else if (expecting === "survey") await chat.says("skip");
    else if (stage === "review") await chat.says("continue");
    else await chat.says("I want to cancel");
  }
  return {
    account: story.account,
    conversationId: chat.conversationId,
    stage: chat.state.stage,
    transcript: chat.transcript,
  };
}

/**
 * An agent's call through agent assist (POST /api/assist/events, as a contact-center platform
 * sends it): the locked-handset demo call, plus a sentence the speech checker flags for tone. Returns the audit trail's conversation id of the session.
 */
export async function agentCall(baseUrl: string, apiKey: string): Promise<string> {
  const sessionId = "supervisor-demo-call";
  const call = JSON.parse(readFileSync(join(repoRoot, "examples/assist/1-locked-handset.json"), "utf8")) as {
    customerId: string;
    utterances: { speaker: string; text: string }[];
  };
  const said = [
    ...call.utterances,
    { speaker: "agent", text: "Honestly, you'd be stupid to leave, calm down and think again." },
  ];
  for (const [i, u] of said.entries()) {
    const at = new Date(Date.parse("2026-11-23T10:30:00Z") + i * 5000).toISOString();
    const res = await fetch(`${baseUrl}/api/assist/events`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${apiKey}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ sessionId, customerId: call.customerId, speaker: u.speaker, text: u.text, at }),
    });
    if (res.status !== 200) throw new Error(`assist event refused: ${res.status} ${await res.text()}`);
  }
  return `assist:${sessionId}`;
}

/** Every story in turn (the bot's clock and store are shared, so not in parallel). */
export async function talkThroughAll(
  baseUrl: string,
  stories: readonly SupervisorStory[] = SUPERVISOR_STORIES,
): Promise<StoryOutcome[]> {
  const outcomes: StoryOutcome[] = [];
  for (const story of stories) outcomes.push(await talkThrough(baseUrl, story));
  return outcomes;
}
