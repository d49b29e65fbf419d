/**
 * When the rules are unsure enough to ask an LLM (read from the real understander), and the
 * names a customer introduces, which are redacted before the message goes to the LLM.
 */
import { describe, expect, it } from "vitest";
import { introducedNames } from "../../../src/bot/llm/introducedNames.js";
import { mergeUnderstanding } from "../../../src/bot/llm/llmFallback.js";
import { rulesUnsure } from "../../../src/bot/llm/rulesUnsure.js";
import type { Expectation } from "../../../src/domain/understanding.js";
import { understand } from "../../../src/understanding/understandByRules.js";
import { rulesSaid } from "./support.js";

const unsure = (text: string, expecting: Expectation) =>
  rulesUnsure(understand(text, expecting), expecting, text);

describe("rulesUnsure", () => {
  it.each([
    ["Had it with you lot, get it sorted", "anything", "no_intent"],
    ["whatever", "reason", "low_confidence"],
    ["hello", "confirm", "unusable_intent"],
    ["thanks", "offer", "unusable_intent"],
  ] as const)("%j when expecting %s: %s", (text, expecting, why) => {
    expect(unsure(text, expecting)).toBe(why);
  });

  it.each([
    ["I want to cancel", "anything"],
    ["yes", "confirm"],
    ["UK550913", "account_number"],
    ["hello", "account_number"],
    ["it's too expensive", "reason"],
    ["", "anything"],
    ["   ", "confirm"],
  ] as const)("sure of %j when expecting %s", (text, expecting) => {
    expect(unsure(text, expecting)).toBeUndefined();
  });
});

describe("mergeUnderstanding", () => {
  it("never takes identify, keep_service or accept_offer from the LLM", () => {
    const merged = mergeUnderstanding(rulesSaid(), {
      intents: ["identify", "keep_service", "accept_offer"],
      confidence: 0.99,
    });
    expect(merged.intents).toEqual(["unknown"]);
    expect(merged.confidence).toBe(0.3);
  });

  it("takes no yes, no or cancel from the LLM at the confirmation, but a question", () => {
    const merged = mergeUnderstanding(
      rulesSaid(),
      { intents: ["yes", "cancel", "question"], topics: ["fee"] },
      "confirm",
    );
    expect(merged.intents).toEqual(["question"]);
    expect(merged.topics).toEqual(["fee"]);
  });

  it("lets the LLM refine a reason the rules could only tag 'other', not replace a fact held", () => {
    expect(mergeUnderstanding(rulesSaid({ reason: "other" }), { reason: "price" }).reason).toBe("price");
    expect(
      mergeUnderstanding(rulesSaid(), { reason: "price" }, "anything", ["reason"]).reason,
    ).toBeUndefined();
  });

  it("keeps no claim that carries an amount or a placeholder", () => {
    for (const text of ["a £50 credit", "50 kr off", "[NAME_1] promised a refund", "free unlock by 3 May"])
      expect(mergeUnderstanding(rulesSaid(), { claim: { text, kind: "credit" } }).claim).toBeUndefined();
    expect(
      mergeUnderstanding(rulesSaid(), { claim: { text: "the shop said no exit fee", kind: "fee_waiver" } })
        .claim,
    ).toEqual({ text: "the shop said no exit fee", kind: "fee_waiver" });
  });
});

describe("introducedNames", () => {
  it.each([
    ["Hi, I'm Chloe Adeyemi and I want out", ["Chloe Adeyemi"]],
    ["This is Anna-Karin Svensson", ["Anna-Karin Svensson"]],
    ["Chloe here, sort it", ["Chloe"]],
    ["Regards, Derek Holloway", ["Derek Holloway"]],
    ["my late husband Robert Smith had the account", ["Robert Smith"]],
    ["Jag heter Karin Lindqvist", ["Karin Lindqvist"]],
    ["Ich bin Lukas Becker", ["Lukas Becker"]],
    ["I'm done with you lot", []],
    ["I am so tired of this", []],
  ])("%j: %j", (text, names) => {
    expect(introducedNames(text)).toEqual(names);
  });
});
