/**
 * The optional LLM judge of agent speech, end to end: the real OpenAI adapter (the official
 * SDK) against the loopback server that speaks the chat completions protocol. It keeps only
 * findings the text backs up, sends no personal data, and gives nothing (never throws) when
 * the model is slow, answers garbage or is not configured.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OpenAiLlm } from "../../src/adapters/openai/openAiLlm.js";
import { judgeSpeech } from "../../src/guardrails/index.js";
import { defaultTone } from "../policies/utterance/support.js";
import { FAKE_API_KEY, type FakeOpenAi, startFakeOpenAi } from "../support/fakeOpenAi.js";

const tone = defaultTone();
const policy = { tone };
const SAID =
  "Honestly, Mrs Jones, you brought this mess on yourself. Call me on 07700 900123 if you disagree.";

let fake: FakeOpenAi;
let llm: OpenAiLlm;
beforeEach(async () => {
  fake = await startFakeOpenAi();
  llm = new OpenAiLlm({ apiKey: FAKE_API_KEY, baseURL: fake.baseURL, model: "gpt-test", timeoutMs: 5_000 });
});
afterEach(() => fake.close());

const options = { speaker: "agent" as const, lang: "en", budgetMs: 2_000, names: ["Jones"] };

describe("LLM judge of agent speech", () => {
  it("adds a tone finding for a category the model names with words the agent said", async () => {
    fake.answerJson({
      findings: [
        { category: "blame", quote: "you brought this mess on yourself", reason: "Blames the customer." },
      ],
    });
    const found = await judgeSpeech(llm, policy, SAID, options);
    expect(found).toEqual([
      {
        kind: "tone",
        category: "blame",
        ruleId: "tone.blame.llm-judge",
        span: { start: 21, end: 54, text: "you brought this mess on yourself" },
        message: expect.stringContaining("LLM judge: Blames the customer."),
        alternative: tone.categories.find((c) => c.id === "blame")?.alternative,
      },
    ]);
    const request = fake.requests[0];
    expect(request?.body.response_format?.json_schema?.name).toBe("agent_tone_findings");
    expect(fake.promptText()).not.toContain("Jones");
    expect(fake.promptText()).not.toContain("07700 900123");
    expect(fake.promptText()).toContain("condescension");
    // A tone category the bot alone is checked for is not offered for an agent.
    expect(fake.promptText()).not.toContain("pretending_to_be_human");
  });

  it("maps a quote with a placeholder back to the agent's words", async () => {
    fake.answerJson({
      findings: [{ category: "condescension", quote: "Honestly, Mrs [NAME_1]", reason: "Tone." }],
    });
    const found = await judgeSpeech(llm, policy, SAID, options);
    expect(found.map((f) => f.span.text)).toEqual(["Honestly, Mrs Jones"]);
  });

  it("drops a category it does not know and a quote the agent never said", async () => {
    fake.answerJson({
      findings: [
        { category: "rudeness", quote: "you brought this mess on yourself", reason: "x" },
        { category: "blame", quote: "you are an idiot", reason: "invented" },
        { category: "pretending_to_be_human", quote: "Call me", reason: "bot only" },
      ],
    });
    expect(await judgeSpeech(llm, policy, SAID, options)).toEqual([]);
  });

  it("gives nothing when the model answers after the budget, and hangs up", async () => {
    fake.answerJson({ findings: [{ category: "blame", quote: "on yourself", reason: "late" }] }, 1_500);
    const failures: string[] = [];
    const found = await judgeSpeech(llm, policy, SAID, {
      ...options,
      budgetMs: 200,
      onFailure: (r) => failures.push(r),
    });
    expect(found).toEqual([]);
    expect(failures).toHaveLength(1);
    await fake.settled(0);
    expect(fake.requests[0]?.abandoned).toBe(true);
  });

  it("gives nothing for garbage or an HTTP error, saying why without the text", async () => {
    const failures: string[] = [];
    fake.answer("I think the agent was rude, sorry, no JSON today");
    expect(await judgeSpeech(llm, policy, SAID, { ...options, onFailure: (r) => failures.push(r) })).toEqual(
      [],
    );
    fake.answerJson({ verdict: "rude" });
    expect(await judgeSpeech(llm, policy, SAID, { ...options, onFailure: (r) => failures.push(r) })).toEqual(
      [],
    );
    fake.fail(500, "boom");
    expect(await judgeSpeech(llm, policy, SAID, { ...options, onFailure: (r) => failures.push(r) })).toEqual(
      [],
    );
    expect(failures).toEqual([
      expect.stringContaining("not JSON"),
      expect.stringContaining("does not match the schema"),
      expect.stringContaining("HTTP 500"),
    ]);
    expect(failures.join(" ")).not.toContain("brought");
  });

  it("without an LLM, or one without a judge, there is no judge", async () => {
    expect(await judgeSpeech(undefined, policy, SAID, options)).toEqual([]);
    const noJudge = { understand: async () => ({}), rephrase: async (r: { text: string }) => r.text };
    expect(await judgeSpeech(noJudge, policy, SAID, options)).toEqual([]);
    expect(fake.requests).toEqual([]);
  });
});
