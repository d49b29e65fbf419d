/**
 * The optional LLM summary of the history and the call so far, in a real desk: the real OpenAI
 * adapter against the loopback chat completions server. The prompt carries no account number,
 * name, phone or e-mail of the customer (asserted on the request body the server recorded);
 * the summary shows in the view a moment later (placeholders put back); at most one summary
 * every N final utterances; a bad answer gives no summary and the call goes on.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OpenAiLlm } from "../../../src/adapters/openai/openAiLlm.js";
import { createAssistDesk } from "../../../src/assist/assistDesk.js";
import { AuditTrail } from "../../../src/audit/auditTrail.js";
import { LlmError } from "../../../src/domain/llmError.js";
import { aCancellationBot } from "../../bot/cancellationBot.js";
import { FAKE_API_KEY, type FakeOpenAi, startFakeOpenAi } from "../../support/fakeOpenAi.js";
import { anAssistDesk, aRecordingLogger, demoPolicy, nextView } from "./support.js";

// Karin Lindqvist (cust-se-moving): account SE204718, +46701740612, karin.lindqvist@example.se.
const PERSONAL = [
  "SE204718",
  "Karin",
  "Lindqvist",
  "46701740612",
  "070-174 06 12",
  "karin.lindqvist@example",
];

let fake: FakeOpenAi;
let llm: OpenAiLlm;
beforeEach(async () => {
  fake = await startFakeOpenAi();
  llm = new OpenAiLlm({ apiKey: FAKE_API_KEY, baseURL: fake.baseURL, model: "gpt-test", timeoutMs: 10_000 });
});
afterEach(() => fake.close());

const requestBody = (i: number) => JSON.stringify(fake.requests[i]?.body);

describe("the LLM summary in the view", () => {
  it("every N finals: a redacted prompt, and the summary in a new view with the name put back", async () => {
    const { desk, call } = await anAssistDesk({ llm, llmFollowUps: { summaryEvery: 3 } });
    fake.answerJson({ findings: [] }); // the judge, on the agent's words
    fake.answerJson({
      summary:
        "[NAME_1] is moving out of coverage; sales promised on 2026-08-21 that the contract ends without a fee.",
    });
    const c = call("call-summary-1", "cust-se-moving");
    const summarised = nextView(desk, "call-summary-1", (v) => v.summary !== undefined);
    await c.customer(
      "Hi, this is Karin Lindqvist, account SE204718. We're moving to Jokkmokk, postcode 962 31.",
    );
    await c.agent("Thanks. Can I have a phone number and e-mail in case we get cut off?");
    expect(c.view.summary).toBeUndefined();
    await c.customer("Sure, +46701740612 or 070-174 06 12, and karin.lindqvist@example.se.");

    const view = await summarised;
    expect(view.summary).toBe(
      "Karin Lindqvist is moving out of coverage; sales promised on 2026-08-21 that the contract ends without a fee.",
    );
    const i = fake.requests.findIndex(
      (r) => r.body.response_format?.json_schema?.name === "agent_call_summary",
    );
    expect(i).toBeGreaterThanOrEqual(0);
    const sent = requestBody(i);
    for (const value of PERSONAL) expect(sent).not.toContain(value);
    // What it is there to summarise did reach the model: the promise, the call, placeholders.
    expect(sent).toContain("upphör avtalet utan avgift");
    expect(sent).toContain("Jokkmokk");
    expect(sent).toContain("[ACCOUNT_1]");
    expect(sent).toContain("[EMAIL_1]");
    expect(sent).toContain("[PHONE_1]");
    const summaries = fake.requests.filter(
      (r) => r.body.response_format?.json_schema?.name === "agent_call_summary",
    );
    expect(summaries).toHaveLength(1);
  });

  it("a hand-over from the bot is summarised when it opens, with the bot's transcript redacted", async () => {
    fake.answerJson({ summary: "Moving to 962 31 (out of coverage); the promise applies." });
    const bot = await aCancellationBot();
    const policy = await demoPolicy();
    const desk = createAssistDesk({
      customers: bot.store.customers,
      policy: () => policy,
      clock: bot.clock,
      audit: new AuditTrail(bot.audit, bot.clock),
      llm,
    });
    const opened: Promise<string | undefined>[] = [];
    bot.handover.onHandover((r) => {
      opened.push(nextView(desk, r.conversationId, (v) => v.summary !== undefined).then((v) => v.summary));
      void desk.openFromHandover(r);
    });
    const chat = bot.chat({ channel: "webchat" });
    for (const said of [
      "Hej, I want to cancel my broadband and TV",
      "SE204718",
      "169 57",
      "We're moving to Jokkmokk",
      "962 31",
      "I want to talk to a person",
    ])
      await chat.says(said);
    expect(chat.stage).toBe("handover");
    expect(opened).toHaveLength(1);
    expect(await opened[0]).toBe("Moving to 962 31 (out of coverage); the promise applies.");
    const sent = requestBody(0);
    expect(sent).toContain("agent_call_summary");
    for (const value of PERSONAL) expect(sent).not.toContain(value);
    expect(sent).toContain("Bot: ");
  });

  it("a malformed answer gives no summary, is logged without the words, and the call goes on", async () => {
    const logger = aRecordingLogger();
    const { desk, call } = await anAssistDesk({ logger, llmFollowUps: { summaryEvery: 1 }, llm });
    fake.answerJson({ text: "Karin is moving" });
    const c = call("call-summary-2", "cust-se-moving");
    await c.customer("We're moving to Jokkmokk, 962 31.");
    await fake.received(1);
    await fake.settled(0);
    await until(() => logger.entries.some((e) => e.level === "warn"));
    expect(JSON.stringify(logger.entries)).toContain("schema_mismatch");
    expect(JSON.stringify(logger.entries)).not.toContain("Jokkmokk");
    expect(desk.view("call-summary-2")?.summary).toBeUndefined();
  });
});

describe("OpenAiLlm.summarise", () => {
  it("asks for the summary format and refuses an answer of another shape", async () => {
    const request = { language: "en", history: ["Customer for 7 years."], transcript: [] };
    fake.answerJson({ summary: "  Long-standing customer.  " });
    await expect(llm.summarise(request, AbortSignal.timeout(5_000))).resolves.toEqual({
      summary: "Long-standing customer.",
    });
    expect(fake.requests[0]?.body.response_format?.json_schema?.name).toBe("agent_call_summary");
    fake.answerJson({ summary: "" });
    await expect(llm.summarise(request, AbortSignal.timeout(5_000))).rejects.toThrow(LlmError);
    fake.answer("not json");
    await expect(llm.summarise(request, AbortSignal.timeout(5_000))).rejects.toMatchObject({
      code: "invalid_json",
    });
  });
});

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((r) => setImmediate(r));
}
