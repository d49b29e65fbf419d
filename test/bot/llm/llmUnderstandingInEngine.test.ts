/**
 * The LLM in the conversation engine's understanding, end to end: the real engine and policy
 * packs, the real openai adapter pointed at the loopback fake. A message the rules cannot
 * place is classified by the LLM and the conversation moves on as the customer meant; a slow
 * or wrong answer leaves the rules' understanding (audited as a fallback); the LLM never
 * supplies identity, money or a step that commits the customer; no personal data reaches the
 * prompt. No test asserts how long anything took.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OpenAiLlm } from "../../../src/adapters/openai/openAiLlm.js";
import type { AuditEntry } from "../../../src/domain/auditEntry.js";
import { type FakeOpenAi, startFakeOpenAi } from "../../support/fakeOpenAi.js";
import { aCancellationBot, type Chat } from "../cancellationBot.js";
import { llmFor, modelSaid } from "./support.js";

/** The rules place none of these words (checked in the first test). */
const UNCLEAR = "Had it with you lot, get it sorted";
const DID_NOT_UNDERSTAND = "I didn't quite get that";
/** Chloe Adeyemi's demo account: one broadband service. */
const ACCOUNT = "UK550913";
const POSTCODE = "NG7 2RD";

let fake: FakeOpenAi;
let llm: OpenAiLlm;
beforeEach(async () => {
  fake = await startFakeOpenAi();
  llm = llmFor(fake);
});
afterEach(async () => {
  await fake.close();
});

type Bot = Awaited<ReturnType<typeof aCancellationBot>>;

/** Identified, reason given: the review is shown (the rules are sure of every message, so no LLM call). */
async function atTheReview(bot: Bot): Promise<Chat> {
  const chat = bot.chat();
  for (const line of ["I want to cancel", ACCOUNT, POSTCODE, "it's too expensive"]) await chat.says(line);
  expect(chat.stage, chat.transcript.join("\n")).toBe("review");
  return chat;
}

/** The requests that asked the model to classify a message (the rest are rewordings). */
const classifications = () => fake.requests.filter((r) => r.body.response_format?.type === "json_schema");

/** The stored conversation state (the parts these tests read). */
async function stateOf(bot: Bot, chat: Chat) {
  const stored = await bot.store.conversations.get(chat.id);
  if (!stored) throw new Error(`no conversation ${chat.id}`);
  return stored.state as { customerId?: string; facts: { reason?: string; claims: unknown[] } };
}

const understandingEntries = (bot: Bot): AuditEntry[] =>
  bot.audit.entries.filter((e) => e.kind === "understanding");

describe("the engine asks the LLM when the rules are unsure", () => {
  it("an unclear wish to cancel at the review goes to the confirmation, as the customer meant", async () => {
    // The rules alone: not understood, the review again.
    const rulesOnly = await atTheReview(await aCancellationBot());
    await rulesOnly.says(UNCLEAR);
    rulesOnly.expectReply(DID_NOT_UNDERSTAND);
    expect(rulesOnly.stage).toBe("review");

    const bot = await aCancellationBot({ llm });
    const chat = await atTheReview(bot);
    expect(classifications()).toHaveLength(0); // the rules were sure so far
    fake.answerJson(modelSaid({ intents: ["cancel"], confidence: 0.86, reason: "service_problems" }));
    await chat.says(UNCLEAR);

    expect(classifications()).toHaveLength(1);
    expect(chat.stage, chat.transcript.join("\n")).toBe("confirm");
    expect(chat.last?.expecting).toBe("confirm");
    chat.expectNoReply(DID_NOT_UNDERSTAND);
    const [entry] = understandingEntries(bot);
    expect(entry?.data).toMatchObject({
      source: "rules+llm",
      why: "no_intent",
      intents: ["cancel"],
      confidence: 0.86,
      ignored: ["reason:settled"],
    });
    // Labels, never the customer's words.
    expect(JSON.stringify(entry?.data)).not.toContain("sorted");
    // The reason the customer gave ("price") stands: the LLM's reading does not replace a fact held.
    expect((await stateOf(bot, chat)).facts.reason).toBe("price");
  });

  it("a slow model: the rules' answer, and the fallback audited", async () => {
    const bot = await aCancellationBot({ llm });
    const chat = await atTheReview(bot);
    // Far beyond the engine's budget (2 s by default); the test ends as soon as the budget does.
    fake.script({ kind: "content", content: JSON.stringify(modelSaid()), delayMs: 120_000 });
    await chat.says(UNCLEAR);

    chat.expectReply(DID_NOT_UNDERSTAND);
    expect(chat.stage).toBe("review");
    expect(understandingEntries(bot).map((e) => e.data)).toEqual([
      { source: "rules", why: "no_intent", fallback: "timeout", errorCode: "timeout", intents: ["unknown"] },
    ]);
    // The engine hung up on the slow request.
    const index = fake.requests.findIndex((r) => r.body.response_format?.type === "json_schema");
    await fake.settled(index);
    expect(fake.requests[index]?.abandoned).toBe(true);
  });

  it.each([
    ["invalid JSON", "{ intents: cancel", "invalid_json"],
    [
      "an intent outside the labels",
      JSON.stringify(modelSaid({ intents: ["terminate_all" as never] })),
      "schema_mismatch",
    ],
    [
      "an account number and postcode slipped in",
      JSON.stringify({ ...modelSaid(), accountNumber: "UK318826", postcode: "M14 5RT" }),
      "schema_mismatch",
    ],
    ["a confidence out of range", JSON.stringify(modelSaid({ confidence: 7 })), "schema_mismatch"],
  ])(
    "a wrong answer (%s) is ignored: the rules' answer, and the fallback audited",
    async (_, content, code) => {
      const bot = await aCancellationBot({ llm });
      const chat = await atTheReview(bot);
      fake.script({ kind: "content", content });
      await chat.says(UNCLEAR);

      chat.expectReply(DID_NOT_UNDERSTAND);
      expect(chat.stage).toBe("review");
      expect(understandingEntries(bot).map((e) => e.data)).toEqual([
        {
          source: "rules",
          why: "no_intent",
          fallback: "invalid_output",
          errorCode: code,
          intents: ["unknown"],
        },
      ]);
    },
  );

  it("an account number the model tries to supply before identification identifies no one", async () => {
    const bot = await aCancellationBot({ llm });
    const chat = bot.chat();
    fake.script({
      kind: "content",
      content: JSON.stringify({ ...modelSaid({ intents: ["identify"] }), accountNumber: "UK318826" }),
    });
    await chat.says(UNCLEAR);

    expect(chat.stage).toBe("identify");
    expect(chat.last?.expecting).toBe("account_number");
    expect((await stateOf(bot, chat)).customerId).toBeUndefined();
    expect(understandingEntries(bot).map((e) => e.data.fallback)).toEqual(["invalid_output"]);
  });

  it("a valid answer that would identify, keep the customer or carry money is taken only in part", async () => {
    const bot = await aCancellationBot({ llm });
    const chat = await atTheReview(bot);
    fake.answerJson(
      modelSaid({
        intents: ["keep_service", "identify", "cancel"],
        claim: { text: "they promised me a £500 credit", kind: "credit" },
      }),
    );
    await chat.says(UNCLEAR);

    // Not closed as "kept": the cancel goes on to the confirmation; the claim with an amount is not kept.
    expect(chat.stage).toBe("confirm");
    expect((await stateOf(bot, chat)).facts.claims).toEqual([]);
    expect(understandingEntries(bot)[0]?.data).toMatchObject({
      source: "rules+llm",
      intents: ["cancel"],
      ignored: ["intent:keep_service", "intent:identify", "claim:money"],
    });
  });

  it("at the confirmation, the model's 'yes' cancels nothing: the customer confirms in words the rules read", async () => {
    const bot = await aCancellationBot({ llm });
    const chat = await atTheReview(bot);
    await chat.says("cancel it");
    expect(chat.stage).toBe("confirm");
    fake.answerJson(modelSaid({ intents: ["yes", "cancel"], confidence: 0.99 }));
    await chat.says(UNCLEAR);

    expect(chat.stage).toBe("confirm");
    expect(await bot.outbox.cancellationOf(chat.id)).toBeUndefined();
    expect(understandingEntries(bot)[0]?.data).toMatchObject({ ignored: ["intent:yes", "intent:cancel"] });
  });

  it("no personal data of the customer reaches the model, before identification or after", async () => {
    const bot = await aCancellationBot({ llm });
    const chat = bot.chat();
    const ask = () => fake.answerJson(modelSaid({ intents: ["cancel"] }));
    ask();
    await chat.says(
      "Had it with you lot, I'm Chloe Adeyemi, mail me at chloe.adeyemi@example.com, get it sorted",
    );
    for (const line of [ACCOUNT, POSTCODE, "it's too expensive"]) await chat.says(line);
    ask();
    await chat.says(
      `Had it with you lot, Adeyemi household, write to chloe.adeyemi@example.com or call 07700 900417, get it sorted`,
    );
    ask();
    await chat.says(`${UNCLEAR}, account ${ACCOUNT} at ${POSTCODE}`);

    expect(classifications().length).toBeGreaterThanOrEqual(2);
    const prompts = fake.promptText();
    for (const pii of [
      "Chloe",
      "Adeyemi",
      "chloe.adeyemi@example.com",
      "7700 900417",
      "07700 900417",
      "900417",
      ACCOUNT,
      "550913",
      POSTCODE,
      "NG7",
    ])
      expect(prompts).not.toContain(pii);
    expect(prompts).toContain("get it sorted");
  });
});
