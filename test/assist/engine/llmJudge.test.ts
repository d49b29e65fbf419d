/**
 * The LLM judge in a real desk, asynchronously: the real OpenAI adapter against the loopback
 * server that speaks the chat completions protocol. `hear()` answers at once with what the
 * rules found; the judge's alert comes a moment later in a new view, audited; a failed judge
 * is logged without the words and changes nothing; a session that ended gets nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OpenAiLlm } from "../../../src/adapters/openai/openAiLlm.js";
import { FAKE_API_KEY, type FakeOpenAi, startFakeOpenAi } from "../../support/fakeOpenAi.js";
import { anAssistDesk, aRecordingLogger, nextView } from "./support.js";

const SAID = "Honestly, Priya, most people read their contract before they sign it.";
const QUOTE = "most people read their contract before they sign it";
const JUDGED = {
  findings: [{ category: "condescension", quote: QUOTE, reason: "Talks down to the customer." }],
};

let fake: FakeOpenAi;
let llm: OpenAiLlm;
beforeEach(async () => {
  fake = await startFakeOpenAi();
  llm = new OpenAiLlm({ apiKey: FAKE_API_KEY, baseURL: fake.baseURL, model: "gpt-test", timeoutMs: 10_000 });
});
afterEach(() => fake.close());

const judged = (view: { alerts: { kind: string }[] }) => view.alerts.some((a) => a.kind === "llm_judge");

describe("the LLM judge on the agent's final words", () => {
  it("adds an llm_judge alert a moment later, in a new view, audited, with no personal data sent", async () => {
    fake.answerJson(JUDGED, 300);
    const { desk, call, log } = await anAssistDesk({ llm, llmFollowUps: { judgeBudgetMs: 10_000 } });
    const c = call("call-judge-1", "cust-uk-locked-handset");
    const later = nextView(desk, "call-judge-1", judged);
    const heard = await c.agent(SAID);
    // hear() answered with what the rules found, before the judge did.
    expect(heard.alerts).toEqual([]);

    const view = await later;
    expect(view.version).toBeGreaterThan(heard.version);
    expect(view.alerts).toEqual([
      expect.objectContaining({
        id: "u1#llm_judge:tone.condescension.llm-judge",
        kind: "llm_judge",
        severity: "warning",
        ruleId: "tone.condescension.llm-judge",
        words: QUOTE,
        message: expect.stringContaining("LLM judge: Talks down to the customer."),
        alternative: expect.stringContaining("Priya"),
        utterance: expect.objectContaining({ utteranceId: "u1", final: true }),
      }),
    ]);
    expect(desk.view("call-judge-1")?.alerts.map((a) => a.kind)).toEqual(["llm_judge"]);
    expect(fake.requests).toHaveLength(1);
    expect(fake.promptText()).toContain("most people read their contract");
    expect(fake.promptText()).not.toContain("Priya");
    const audited = log.entries.filter((e) => e.kind === "assist_alert");
    expect(audited.map((e) => e.data)).toEqual([
      expect.objectContaining({ assist: "alert", kind: "llm_judge", utteranceId: "u1" }),
    ]);
  });

  it("is not asked about words the rules already flagged, nor about the customer's or a partial's", async () => {
    fake.answerJson({ findings: [] });
    const { desk, call } = await anAssistDesk({ llm });
    const c = call("call-judge-2", "cust-uk-locked-handset");
    await c.customer("I want to leave, my contract is too expensive.");
    expect((await c.agent("What did you expect?")).alerts.map((a) => a.kind)).toEqual(["tone"]);
    await c.partial("agent", "Let me check", "p-1");
    await c.final("agent", "Let me check that for you.", "p-1");
    await fake.received(1);
    await fake.settled(0);
    expect(fake.requests).toHaveLength(1);
    expect(fake.promptText()).toContain("Let me check that for you.");
    expect(fake.promptText()).not.toContain("What did you expect");
    expect(desk.view("call-judge-2")?.alerts.map((a) => a.kind)).toEqual(["tone"]);
  });

  it("a failed judge is logged without the words and changes nothing", async () => {
    fake.fail(500, "boom");
    const logger = aRecordingLogger();
    const { desk, call } = await anAssistDesk({ llm, logger });
    const c = call("call-judge-3", "cust-uk-locked-handset");
    const heard = await c.agent(SAID);
    await fake.received(1);
    await fake.settled(0);
    await until(() => logger.entries.some((e) => e.level === "warn"));
    const warned = logger.entries.filter((e) => e.level === "warn");
    expect(warned).toEqual([
      expect.objectContaining({ obj: expect.objectContaining({ sessionId: "call-judge-3", llm: "judge" }) }),
    ]);
    expect(JSON.stringify(warned)).toContain("HTTP 500");
    expect(JSON.stringify(logger.entries)).not.toContain("contract");
    expect(desk.view("call-judge-3")?.version).toBe(heard.version);
  });

  it("a session that ended meanwhile gets nothing, and the judge's call is hung up", async () => {
    fake.answerJson(JUDGED, 2_000);
    const { desk, call, views } = await anAssistDesk({ llm });
    const c = call("call-judge-4", "cust-uk-locked-handset");
    await c.agent(SAID);
    await fake.received(1);
    const ended = await desk.end("call-judge-4");
    await fake.settled(0);
    expect(fake.requests[0]?.abandoned).toBe(true);
    // Something else happens on the desk after: the ended session's view is as it was.
    await call("call-judge-5", "cust-uk-locked-handset").customer("Hello?");
    expect(desk.view("call-judge-4")?.version).toBe(ended.version);
    expect(views.filter((v) => v.sessionId === "call-judge-4").some(judged)).toBe(false);
  });
});

/** Resolves once `test` holds, checking after each turn of the event loop. */
async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((r) => setImmediate(r));
}
