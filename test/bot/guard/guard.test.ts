/**
 * The guard (issue 16, class 7): a bot message the utterance checker flags never reaches the
 * customer. Asserted on what was delivered (the engine's replies, the stored transcript, the
 * chat through the real OpenAI adapter), not on the checker: a model that rewords messages into
 * an extra offer or a wrong amount, and a policy text that fails the check, are never seen by
 * the customer; the finding is in the audit and, for a policy text, a person takes over.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OpenAiLlm } from "../../../src/adapters/openai/openAiLlm.js";
import { loadPolicyFolder } from "../../../src/adapters/policyFolder/policyFolder.js";
import { GUARD_RULE, GUARD_SAFE_TEXT } from "../../../src/bot/messageGuard.js";
import type { Llm, LlmRephraseRequest } from "../../../src/domain/llm.js";
import type { CompiledPolicy } from "../../../src/policies/compiledPolicy.js";
import { checkUtterance } from "../../../src/policies/utterance/checkUtterance.js";
import { FAKE_API_KEY, type FakeOpenAi, startFakeOpenAi } from "../../support/fakeOpenAi.js";
import { aCancellationBot, demoPolicy } from "../cancellationBot.js";
import { allDemoRuns, type DemoRun, runDemoConversation } from "./demoRuns.js";

const EXTRA_OFFER = "Or would you like a free upgrade instead?";
const WRONG_AMOUNT = "£1.00";

/** A model that adds an offer of its own to every message it is asked to reword. */
const modelAddingAnOffer: Llm = {
  understand: async () => {
    throw new Error("not asked to classify in this test");
  },
  rephrase: async (r: LlmRephraseRequest) => `${r.text} ${EXTRA_OFFER}`,
};

/** A model that turns every amount into £1.00, or adds one where there is none. */
const modelWithAWrongAmount: Llm = {
  understand: async () => {
    throw new Error("not asked to classify in this test");
  },
  rephrase: async (r: LlmRephraseRequest) =>
    /[£€$]\d|\d SEK/.test(r.text)
      ? r.text.replace(/[£€$][\d,]+\.\d\d|[\d,]+\.\d\d SEK/g, WRONG_AMOUNT)
      : `${r.text} Leaving costs ${WRONG_AMOUNT}.`,
};

const deliveredText = (run: DemoRun) => run.delivered.map((m) => m.text).join("\n");

describe("across every demo story", () => {
  it("no delivered message has a finding, and nothing was blocked", async () => {
    const runs = await allDemoRuns();
    const policy = await demoPolicy();
    const flagged: string[] = [];
    for (const run of runs)
      for (const m of run.delivered) {
        // Offers depend on the moment (said once, declined after): fees, amounts, tone and the
        // rest are checked against the decision the conversation ended with.
        const findings = checkUtterance(policy, m.text, { speaker: "bot", decision: run.decision }).filter(
          (f) => f.category !== "extra_offer",
        );
        if (findings.length > 0)
          flagged.push(
            `${run.name}: ${findings.map((f) => `${f.category} "${f.span.text}"`).join(", ")}: ${m.text}`,
          );
      }
    expect(runs.length).toBeGreaterThanOrEqual(400);
    expect(flagged).toEqual([]);
    // Before the fixes of issue 16 these runs had 12 findings, every one delivered.
    expect(runs.flatMap((r) => r.findings)).toEqual([]);
  });
});

/** A model that gives every message back as it was: the strict check must reject none of them. */
const modelChangingNothing: Llm = {
  understand: async () => {
    throw new Error("not asked to classify in this test");
  },
  rephrase: async (r: LlmRephraseRequest) => r.text,
};

describe("a model that rewords the bot's messages", () => {
  it("that changes nothing has nothing rejected: the bot's own words pass the strict check", async () => {
    const { demo } = await aCancellationBot();
    for (const customer of demo.customers)
      for (const reason of ["it's too expensive", "the service keeps dropping"])
        for (const offerAnswer of ["no thanks", "I'll take the offer"]) {
          const run = await runDemoConversation(customer, { reason, offerAnswer, llm: modelChangingNothing });
          expect(run.findings, run.name).toEqual([]);
        }
  });

  it("never gets an extra offer to the customer, for any demo customer at any stage", async () => {
    const { demo } = await aCancellationBot();
    for (const customer of demo.customers)
      for (const reason of ["it's too expensive", "I'm moving house"]) {
        const run = await runDemoConversation(customer, { reason, llm: modelAddingAnOffer });
        expect(deliveredText(run), run.name).not.toContain("free upgrade");
        expect(run.delivered.length, run.name).toBeGreaterThan(3);
      }
  });

  it("never gets a wrong amount to the customer", async () => {
    const { demo } = await aCancellationBot();
    for (const customer of demo.customers) {
      const run = await runDemoConversation(customer, {
        reason: "it's too expensive",
        llm: modelWithAWrongAmount,
      });
      expect(deliveredText(run), run.name).not.toContain(WRONG_AMOUNT);
    }
  });

  it("records the rewording it rejected for an extra offer in the audit, with the template sent instead", async () => {
    const { demo } = await aCancellationBot();
    const customer = demo.customers.find((c) => c.id === "cust-uk-new-broadband")!;
    const run = await runDemoConversation(customer, {
      reason: "it's too expensive",
      llm: modelAddingAnOffer,
    });
    const blocked = run.findings.filter((f) => f.blocked === true && f.replacedWith === "template");
    expect(blocked.length).toBeGreaterThan(0);
    const categories = blocked.flatMap((f) => (f.findings as { category: string }[]).map((x) => x.category));
    expect(new Set(categories)).toEqual(new Set(["extra_offer"]));
  });
});

describe("a model behind the real OpenAI adapter", () => {
  let fake: FakeOpenAi;
  beforeEach(async () => {
    fake = await startFakeOpenAi();
  });
  afterEach(async () => {
    await fake.close();
  });

  it("that answers every rewording with an offer of its own is never heard by the customer", async () => {
    const llm = new OpenAiLlm({
      apiKey: FAKE_API_KEY,
      baseURL: fake.baseURL,
      model: "test-model",
      timeoutMs: 5000,
    });
    // Every request gets the same answer: an offer, which keeps a template without figures' facts.
    fake.script(...Array.from({ length: 200 }, () => ({ kind: "content" as const, content: EXTRA_OFFER })));
    const bot = await aCancellationBot({ llm });
    const chat = bot.chat();
    const customer = bot.demo.customers.find((c) => c.id === "cust-uk-new-broadband")!;
    for (const line of [
      "I want to cancel",
      customer.accountNumber,
      customer.postcode,
      "all of them",
      "too expensive",
    ])
      await chat.says(line);
    for (let i = 0; i < 8 && chat.stage !== "closed" && chat.stage !== "handover"; i++)
      await chat.says(
        chat.last?.expecting === "confirm" ? "yes" : chat.stage === "offer" ? "no thanks" : "continue",
      );
    expect(fake.requests.length).toBeGreaterThan(3); // the model was asked
    expect(chat.transcript.join("\n")).not.toContain("free upgrade");
    const stored = await bot.store.conversations.get(chat.id);
    expect(stored?.turns.map((t) => t.text).join("\n")).not.toContain("free upgrade");
  });
});

describe("a policy text that fails the check", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "fairexit-guard-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** The demo packs with one disclosure in pressuring words. */
  async function pressuringPolicy(
    disclosure = "You can download your bills and account data before your service ends;",
  ): Promise<CompiledPolicy> {
    await cp(new URL("../../../policies", import.meta.url).pathname, dir, { recursive: true });
    const file = join(dir, "baseline.yaml");
    const text = await readFile(file, "utf8");
    const edited = text.replace(disclosure, `Last chance! This offer expires in 10 minutes. ${disclosure}`);
    expect(edited).not.toBe(text);
    await writeFile(file, edited);
    const loaded = await loadPolicyFolder(dir);
    if (!("policy" in loaded)) throw new Error(JSON.stringify(loaded.errors[0]));
    return loaded.policy;
  }

  it("is not sent: the customer gets a neutral message and a person, and the finding is audited", async () => {
    const bot = await aCancellationBot({ policy: await pressuringPolicy() });
    const chat = bot.chat();
    const customer = bot.demo.customers.find((c) => c.id === "cust-uk-new-broadband")!;
    for (const line of [
      "I want to cancel",
      customer.accountNumber,
      customer.postcode,
      "all of them",
      "too expensive",
    ])
      await chat.says(line);
    const transcript = chat.transcript.join("\n");
    expect(transcript).not.toContain("Last chance");
    expect(transcript).toContain(GUARD_SAFE_TEXT);
    expect(chat.stage).toBe("handover");
    expect(bot.handover.records.at(-1)?.reasons.map((r) => r.ruleId)).toContain(GUARD_RULE);
    const audited = bot.audit.entries.filter((e) => e.kind === "tone_finding");
    expect(audited.map((e) => e.data.replacedWith)).toEqual(["neutral"]);
    expect(audited[0]?.data.blocked).toBe(true);
    // Nothing it would have disclosed is recorded as said.
    const disclosed = bot.audit.entries
      .filter((e) => e.kind === "disclosure")
      .map((e) => e.data.obligationId);
    expect(disclosed).not.toContain("data-export");
  });

  it("said after the cancellation is not sent either: the customer keeps the reference and gets a person", async () => {
    const bot = await aCancellationBot({ policy: await pressuringPolicy("You are welcome back any time") });
    const chat = bot.chat();
    const customer = bot.demo.customers.find((c) => c.id === "cust-uk-new-broadband")!;
    for (const line of [
      "I want to cancel",
      customer.accountNumber,
      customer.postcode,
      "all of them",
      "too expensive",
    ])
      await chat.says(line);
    for (let i = 0; i < 8 && chat.last?.expecting !== "confirm"; i++)
      await chat.says(chat.stage === "offer" ? "no thanks" : "continue");
    await chat.says("yes");
    const transcript = chat.transcript.join("\n");
    expect(transcript).toContain("Cancellation confirmed");
    expect(transcript).not.toContain("Last chance");
    expect(transcript).toMatch(
      /Your cancellation is confirmed \(reference FX-[\dA-F-]+\)\. I couldn't put the rest/,
    );
    expect(transcript).not.toMatch(/Nothing has been cancelled/);
    expect(chat.stage).toBe("handover");
    expect(bot.handover.records.at(-1)?.reasons.map((r) => r.ruleId)).toEqual([GUARD_RULE]);
    expect(bot.notifier.sent.some((n) => n.subject?.startsWith("Your cancellation"))).toBe(true);
  });
});
