/**
 * The bot's use of an LLM, through the real OpenAI SDK against the loopback fake: when it
 * asks, what it keeps, and how it falls back. No test asserts how long anything took.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OpenAiLlm } from "../../../src/adapters/openai/openAiLlm.js";
import { type LlmFallback, phraseWithLlm, understandWithLlm } from "../../../src/bot/llm/llmFallback.js";
import type { LlmUnderstandRequest } from "../../../src/domain/llm.js";
import { type FakeOpenAi, startFakeOpenAi } from "../../support/fakeOpenAi.js";
import {
  botToneCheck,
  CUSTOMER,
  llmFor,
  MESSAGE_WITH_PII,
  modelSaid,
  PII_PIECES,
  rulesSaid,
} from "./support.js";

const BUDGET_MS = 15_000;
/** Far below the fake's delay, so the slow answer can only be a fallback. */
const TIGHT_BUDGET_MS = 50;
const SLOW_MS = 60_000;

const ASK: LlmUnderstandRequest = { text: MESSAGE_WITH_PII, expecting: "anything", language: "en" };
const FEE_TEMPLATE =
  "Hi Anna-Karin. Your early termination fee is £45.00 and your broadband ends on 15 December 2026.";
const PHRASE = { locale: "en-GB", purpose: "state the fee and the end date" };

let fake: FakeOpenAi;
let llm: OpenAiLlm;
let fallbacks: LlmFallback[];
const options = () => ({ names: CUSTOMER.names, onFallback: (f: LlmFallback) => fallbacks.push(f) });

beforeEach(async () => {
  fake = await startFakeOpenAi();
  llm = llmFor(fake);
  fallbacks = [];
});

afterEach(async () => {
  // Whatever the test did, no personal data reached the model.
  const prompts = fake.promptText();
  for (const piece of PII_PIECES) expect(prompts).not.toContain(piece);
  await fake.close();
});

describe("understandWithLlm", () => {
  it("returns the rules' understanding unchanged when no LLM is configured", async () => {
    const rules = rulesSaid();
    expect(await understandWithLlm(rules, undefined, ASK, BUDGET_MS, options())).toBe(rules);
  });

  it("does not ask the LLM when the rules are sure", async () => {
    const rules = rulesSaid({ intents: ["cancel"], confidence: 0.6 });
    expect(await understandWithLlm(rules, llm, ASK, BUDGET_MS, options())).toBe(rules);
    expect(fake.requests).toHaveLength(0);
  });

  it("completes an unsure understanding with the LLM's labels", async () => {
    fake.answerJson(
      modelSaid({ intents: ["cancel"], confidence: 0.8, reason: "moving", serviceKinds: ["broadband"] }),
    );
    const rules = rulesSaid({ accountNumber: "ACC-00123456", postcode: "SW1A 1AA", topics: ["fee"] });

    const understood = await understandWithLlm(rules, llm, ASK, BUDGET_MS, options());

    expect(understood).toEqual({
      ...rules,
      intents: ["cancel"],
      confidence: 0.8,
      reason: "moving",
      serviceKinds: ["broadband"],
      source: "rules+llm",
    });
    expect(fallbacks).toEqual([]);
    expect(fake.requests[0]?.body.response_format?.type).toBe("json_schema");
  });

  it("sends the customer's message with every piece of personal data replaced", async () => {
    fake.answerJson(modelSaid());
    await understandWithLlm(rulesSaid(), llm, ASK, BUDGET_MS, options());
    const sent = String(fake.requests[0]?.body.messages?.[1]?.content);
    for (const placeholder of [
      "[NAME_1]",
      "[EMAIL_1]",
      "[PHONE_1]",
      "[POSTCODE_1]",
      "[ACCOUNT_1]",
      "[CARD_1]",
      "[IMEI_1]",
    ])
      expect(sent).toContain(placeholder);
    expect(sent).toContain("maybe stop it all?");
  });

  it("keeps the rules' values and lets the LLM fill only what they left empty", async () => {
    fake.answerJson(modelSaid({ reason: "price", keepNumber: false, surveyCause: "price" }));
    const rules = rulesSaid({ reason: "moving" });
    const understood = await understandWithLlm(rules, llm, ASK, BUDGET_MS, options());
    expect(understood).toMatchObject({ reason: "moving", keepNumber: false, surveyCause: "price" });
  });

  it("never lets the LLM remove a request for a person or clear the rules' flags", async () => {
    fake.answerJson(modelSaid({ intents: ["question"], confidence: 0.95 }));
    const rules = rulesSaid({
      intents: ["cancel", "ask_person"],
      confidence: 0.4,
      injectionAttempt: true,
      legalThreat: true,
    });

    const understood = await understandWithLlm(rules, llm, ASK, BUDGET_MS, options());

    expect(understood.intents).toEqual(["ask_person", "question"]);
    expect(understood.injectionAttempt).toBe(true);
    expect(understood.legalThreat).toBe(true);
    expect(understood.source).toBe("rules+llm");
  });

  it("lets the LLM raise a flag the rules missed", async () => {
    fake.answerJson(modelSaid({ intents: ["cancel"], injectionAttempt: true, topics: ["fee"] }));
    const understood = await understandWithLlm(
      rulesSaid({ topics: ["other"] }),
      llm,
      ASK,
      BUDGET_MS,
      options(),
    );
    expect(understood.injectionAttempt).toBe(true);
    expect(understood.topics).toEqual(["other", "fee"]);
  });

  it("keeps the rules' intents when the LLM does not know either", async () => {
    fake.answerJson(modelSaid({ intents: ["unknown"], confidence: 0.2 }));
    const rules = rulesSaid({ intents: ["question"], confidence: 0.5 });
    const understood = await understandWithLlm(rules, llm, ASK, BUDGET_MS, options());
    expect(understood).toMatchObject({ intents: ["question"], confidence: 0.5 });
  });

  it("falls back to the rules when the LLM is too slow, and the request is abandoned", async () => {
    fake.answerJson(modelSaid(), SLOW_MS);
    const rules = rulesSaid();

    expect(await understandWithLlm(rules, llm, ASK, TIGHT_BUDGET_MS, options())).toBe(rules);

    expect(fallbacks).toEqual([expect.objectContaining({ step: "understand", reason: "timeout" })]);
    await fake.settled(0);
    expect(fake.requests[0]?.abandoned).toBe(true);
  });

  it("falls back to the rules on an HTTP 500", async () => {
    fake.fail(500);
    const rules = rulesSaid();
    expect(await understandWithLlm(rules, llm, ASK, BUDGET_MS, options())).toBe(rules);
    expect(fallbacks).toEqual([
      { step: "understand", reason: "llm_error", errorCode: "http", detail: expect.stringContaining("500") },
    ]);
  });

  it("falls back to the rules on invalid JSON", async () => {
    fake.answer("{ intents: cancel");
    const rules = rulesSaid();
    expect(await understandWithLlm(rules, llm, ASK, BUDGET_MS, options())).toBe(rules);
    expect(fallbacks).toEqual([
      expect.objectContaining({ reason: "invalid_output", errorCode: "invalid_json" }),
    ]);
  });

  it("falls back to the rules on a label outside the schema", async () => {
    fake.answerJson({ ...modelSaid(), intents: ["waive_all_fees"] });
    const rules = rulesSaid();
    expect(await understandWithLlm(rules, llm, ASK, BUDGET_MS, options())).toBe(rules);
    expect(fallbacks).toEqual([
      expect.objectContaining({ reason: "invalid_output", errorCode: "schema_mismatch" }),
    ]);
  });

  it("checks the answer of any Llm, not only the adapter's", async () => {
    const sloppy = {
      understand: async () => ({ intents: ["cancel"], confidence: 7 }) as never,
      rephrase: async () => "",
    };
    const rules = rulesSaid();
    expect(await understandWithLlm(rules, sloppy, ASK, BUDGET_MS, options())).toBe(rules);
    expect(fallbacks[0]).toMatchObject({
      reason: "invalid_output",
      detail: expect.stringContaining("confidence"),
    });
  });

  it("falls back when the caller aborts", async () => {
    fake.answerJson(modelSaid(), SLOW_MS);
    const controller = new AbortController();
    const rules = rulesSaid();
    const pending = understandWithLlm(rules, llm, ASK, BUDGET_MS, {
      ...options(),
      signal: controller.signal,
    });
    await fake.received(1);
    controller.abort();
    expect(await pending).toBe(rules);
    expect(fallbacks).toEqual([expect.objectContaining({ reason: "aborted" })]);
  });
});

describe("phraseWithLlm", () => {
  it("uses a good rewording, with the customer's name put back", async () => {
    fake.answer(
      "Hello [NAME_1]. The fee for ending your contract early is £45.00, and your broadband ends on 15 December 2026.",
    );

    const phrased = await phraseWithLlm(FEE_TEMPLATE, llm, PHRASE, botToneCheck, BUDGET_MS, options());

    expect(phrased).toEqual({
      text: "Hello Anna-Karin. The fee for ending your contract early is £45.00, and your broadband ends on 15 December 2026.",
      source: "llm",
    });
    expect(fake.requests[0]?.body.messages?.[1]?.content).toBe(
      "Hi [NAME_1]. Your early termination fee is £45.00 and your broadband ends on 15 December 2026.",
    );
    expect(fallbacks).toEqual([]);
  });

  it("sends the template when the rewording fails the tone check", async () => {
    fake.answer(
      "We're sad to see you go — are you sure you want to abandon us after all these years? " +
        "Your fee is £45.00 and your broadband ends on 15 December 2026, [NAME_1].",
    );

    const phrased = await phraseWithLlm(FEE_TEMPLATE, llm, PHRASE, botToneCheck, BUDGET_MS, options());

    expect(phrased).toEqual({ text: FEE_TEMPLATE, source: "template", fallbackReason: "tone" });
    expect(fallbacks[0]?.detail).toContain("tone.guilt_tripping");
  });

  it("sends the template when the rewording drops the amount", async () => {
    fake.answer("Hi [NAME_1]. A small fee applies and your broadband ends on 15 December 2026.");
    const phrased = await phraseWithLlm(FEE_TEMPLATE, llm, PHRASE, botToneCheck, BUDGET_MS, options());
    expect(phrased).toEqual({ text: FEE_TEMPLATE, source: "template", fallbackReason: "facts_changed" });
    expect(fallbacks[0]?.detail).toBe("1 fact(s) missing, 0 added");
  });

  it("sends the template when the rewording changes a date", async () => {
    fake.answer(
      "Hi [NAME_1]. Your early termination fee is £45.00 and your broadband ends on 16 December 2026.",
    );
    const phrased = await phraseWithLlm(FEE_TEMPLATE, llm, PHRASE, botToneCheck, BUDGET_MS, options());
    expect(phrased.fallbackReason).toBe("facts_changed");
  });

  it("sends the template when the rewording loses or invents a placeholder", async () => {
    fake.answer("Hello. Your early termination fee is £45.00 and your broadband ends on 15 December 2026.");
    fake.answer("Hi [NAME_1], [EMAIL_1]. Your fee is £45.00 and your broadband ends on 15 December 2026.");
    for (let i = 0; i < 2; i++) {
      const phrased = await phraseWithLlm(FEE_TEMPLATE, llm, PHRASE, botToneCheck, BUDGET_MS, options());
      expect(phrased).toEqual({
        text: FEE_TEMPLATE,
        source: "template",
        fallbackReason: "placeholder_changed",
      });
    }
  });

  it("accepts a check that answers true or false", async () => {
    const good =
      "Hello [NAME_1]. Your fee for leaving early is £45.00; your broadband ends on 15 December 2026.";
    fake.answer(good);
    fake.answer(good);
    const accepted = await phraseWithLlm(FEE_TEMPLATE, llm, PHRASE, () => true, BUDGET_MS, options());
    expect(accepted.source).toBe("llm");
    const refused = await phraseWithLlm(FEE_TEMPLATE, llm, PHRASE, () => false, BUDGET_MS, options());
    expect(refused).toEqual({ text: FEE_TEMPLATE, source: "template", fallbackReason: "tone" });
  });

  it("sends the template when no LLM is configured", async () => {
    expect(await phraseWithLlm(FEE_TEMPLATE, undefined, PHRASE, botToneCheck, BUDGET_MS, options())).toEqual({
      text: FEE_TEMPLATE,
      source: "template",
    });
  });

  it("sends the template when the LLM is too slow", async () => {
    fake.answer("too late", SLOW_MS);
    const phrased = await phraseWithLlm(FEE_TEMPLATE, llm, PHRASE, botToneCheck, TIGHT_BUDGET_MS, options());
    expect(phrased).toEqual({ text: FEE_TEMPLATE, source: "template", fallbackReason: "timeout" });
  });

  it("sends the template on an HTTP 500", async () => {
    fake.fail(500);
    const phrased = await phraseWithLlm(FEE_TEMPLATE, llm, PHRASE, botToneCheck, BUDGET_MS, options());
    expect(phrased).toEqual({ text: FEE_TEMPLATE, source: "template", fallbackReason: "llm_error" });
  });

  it("redacts personal data in the template and the purpose before they are sent", async () => {
    const template =
      `Anna-Karin, we will send the receipt to ${CUSTOMER.email} and text ${CUSTOMER.phone}. ` +
      `Account ${CUSTOMER.account}, final bill £12.50.`;
    fake.answer(
      "[NAME_1], your receipt goes to [EMAIL_1] and a text to [PHONE_1]. Account [ACCOUNT_1]; the final bill is £12.50.",
    );

    const phrased = await phraseWithLlm(
      template,
      llm,
      { locale: "en-GB", purpose: `confirm for Anna-Karin Svensson` },
      botToneCheck,
      BUDGET_MS,
      options(),
    );

    expect(phrased.source).toBe("llm");
    expect(phrased.text).toBe(
      `Anna-Karin, your receipt goes to ${CUSTOMER.email} and a text to ${CUSTOMER.phone}. ` +
        `Account ${CUSTOMER.account}; the final bill is £12.50.`,
    );
  });
});
