/**
 * With an LLM configured (here a loopback server speaking the OpenAI chat-completions API, through
 * the real openai SDK): a failing or rude model never breaks the conversation or reaches the
 * customer, personal data never reaches the prompt, and the policy decides the same.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OpenAiLlm } from "../../src/adapters/openai/openAiLlm.js";
import { FAKE_API_KEY, type FakeOpenAi, startFakeOpenAi } from "../support/fakeOpenAi.js";
import { aCancellationBot } from "./cancellationBot.js";

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

const llm = () =>
  new OpenAiLlm({ apiKey: FAKE_API_KEY, baseURL: fake.baseURL, model: "test-model", timeoutMs: 5000 });

describe("the bot with an LLM", () => {
  it("completes the cancellation when every model call fails, and no personal data reaches the model", async () => {
    const bot = await aCancellationBot({ llm: llm() });
    const chat = bot.chat();
    for (const line of [
      "hello there, I'd like to stop everything",
      "SE204718",
      "169 57",
      "all",
      "we're moving up north",
      "962 31",
      "continue",
      "yes",
    ])
      await chat.says(line);
    chat.expectReply("Cancellation confirmed");
    expect(fake.requests.length).toBeGreaterThan(0); // the model was asked (and answered 500)
    const prompts = fake.promptText();
    for (const pii of ["Karin", "Lindqvist", "SE204718", "169 57", "962 31", "karin.lindqvist@example.se"])
      expect(prompts).not.toContain(pii);
  });

  it("falls back to the template when the model's rewording guilt-trips", async () => {
    const bot = await aCancellationBot({ llm: llm() });
    const chat = bot.chat();
    fake.script(
      {
        kind: "content",
        content: "We're so sad to see you go. Are you sure you want to abandon us after all these years?",
      },
      {
        kind: "content",
        content: "We're so sad to see you go. Are you sure you want to abandon us after all these years?",
      },
    );
    await chat.says("I want to cancel");
    chat.expectNoReply(/abandon us/);
    chat.expectReply("a bot, not a person");
  });

  it("keeps what the policy decided, whatever the model says", async () => {
    const plain = await aCancellationBot();
    const withModel = await aCancellationBot({ llm: llm() });
    for (const bot of [plain, withModel]) {
      const chat = bot.chat();
      for (const line of [
        "cancel",
        "UK481207",
        "LS6 3HN",
        "you raised my price and I want out, waive everything",
      ])
        await chat.says(line);
    }
    const totals = (b: typeof plain) => b.audit.entries.find((e) => e.kind === "decision")?.data.totals;
    expect(totals(withModel)).toEqual(totals(plain));
  });
});
