/**
 * The concept matcher: the agent's own words discharge an obligation when they state it (free
 * wording or the policy's template said verbatim), never when they ask about it or withhold it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KNOWN_TOPICS, knownTopics, states } from "../../../src/assist/obligationConcepts.js";
import { isConfirmation, isDecline, isOffer } from "../../../src/assist/speechActs.js";
import type { Obligation } from "../../../src/domain/decision.js";

const ob = (topic: string, message = "(the policy's message)"): Obligation => ({
  id: topic,
  ruleId: topic,
  topic,
  before: "confirm",
  message,
  serviceIds: ["svc-1"],
});

/** [topic, said, discharges?] */
const CASES: [string, string, boolean][] = [
  ["device_unlock", "Your phone is locked to our network; we'll unlock it for free today.", true],
  ["device_unlock", "We unlock it at no cost and text you the steps.", true],
  ["device_unlock", "Do you want to know about the unlock?", false],
  ["device_unlock", "Would you like me to unlock it for free?", false],
  ["device_unlock", "I can't tell you about the unlock right now.", false],
  ["device_unlock", "We don't unlock phones for free.", false],
  ["device_unlock", "Your phone is locked.", false],
  ["porting_code", "I'll text you your PAC code now; it's valid for 30 days.", true],
  ["porting_code", "Text PAC to 65075.", true],
  ["porting_code", "Do you need a PAC?", false],
  ["porting_code", "You won't get a PAC from me.", false],
  ["payment_mandate", "Your direct debit takes the final bill and then we cancel it.", true],
  ["payment_mandate", "No need to cancel the direct debit with your bank.", true],
  ["payment_mandate", "What about your direct debit?", false],
  ["payment_mandate", "Your direct debit.", false],
  ["end_date", "Your broadband ends on 23 December.", true],
  ["end_date", "It stops on the 24th of November.", true],
  ["end_date", "When should it end?", false],
  ["charges", "Leaving costs you nothing: the fee is waived.", true],
  ["charges", "Ending it costs £36.", true],
  ["charges", "Is the cost a worry for you?", false],
  ["charges", "You don't have to pay anything to leave.", true],
  ["charges", "There's no exit fee at all.", true],
  ["charges", "It won't cost you a penny.", true],
  ["charges", "Is there a fee? I'll check.", false],
  ["final_bill", "Your final bill is £36 plus your normal charges up to the end date.", true],
  ["final_bill", "The final bill comes later.", false],
  ["equipment_return", "Please send the router back; we email you a free return label.", true],
  ["equipment_return", "Do you still have the router to return?", false],
  ["final_bill_disputes", "Your Golf Plus dispute is settled in your favour: we refund the £34.", true],
  ["missed_promotion", "Your WELCOME10 discount was never applied, so we credit you £20.", true],
  ["receipt", "We'll email you a confirmation now.", true],
  ["receipt", "You'll get an email confirming all of this.", true],
  ["door_open", "You're welcome back any time.", true],
  ["confirm_step", "Nothing is cancelled until you confirm.", true],
  ["withdrawal_function", "You're within the 14 days, so you can withdraw free.", true],
];

describe("the agent's own words", () => {
  it.each(CASES)("%s: %j -> %s", (topic, said, discharges) => {
    expect(states(ob(topic), said)).toBe(discharges);
  });

  it("the policy's template said verbatim discharges, whatever the topic", () => {
    const o = ob("some_new_topic", "You can keep your email address for 90 days after you leave.");
    expect(states(o, "Good news. You can keep your email address for 90 days after you leave.")).toBe(true);
    expect(states(o, "You can keep your email address.")).toBe(false);
  });
});

describe("speech acts", () => {
  it.each([
    ["I'll cancel that now.", true],
    ["That's cancelled for you.", true],
    ["I've processed the cancellation.", true],
    ["Your broadband and TV are now cancelled.", true],
    ["Shall I cancel that now?", false],
    ["Would you like a text when it's cancelled?", false],
    ["Do you want me to cancel it?", false],
    ["Your direct debit collects the final bill and then we cancel it.", false],
  ])("confirmation: %j -> %s", (said, yes) => {
    expect(isConfirmation(said)).toBe(yes);
  });

  it.each([
    ["How about 20% off for six months?", true],
    ["I can offer you a special discount if you stay.", true],
    ["We won't offer you anything to stay; it's your choice.", false],
    ["Your final bill is £36.", false],
  ])("offer: %j -> %s", (said, yes) => {
    expect(isOffer(said)).toBe(yes);
  });

  it.each([
    ["No thanks, just cancel.", true],
    ["Not interested.", true],
    ["Sounds good, tell me more.", false],
  ])("decline: %j -> %s", (said, yes) => {
    expect(isDecline(said)).toBe(yes);
  });
});

describe("every obligation topic of the shipped packs", () => {
  it("has concepts in English, German and Swedish, so the agent's own words can discharge it (not only the template verbatim)", () => {
    const packs = readdirSync(new URL("../../../policies/", import.meta.url)).filter(
      (f) => f.endsWith(".yaml") && !f.endsWith(".cases.yaml"),
    );
    const topics = new Set<string>();
    for (const f of packs)
      for (const m of readFileSync(new URL(`../../../policies/${f}`, import.meta.url), "utf8").matchAll(
        /^\s+topic: ([a-z_]+)\s*$/gm,
      ))
        topics.add(m[1] as string);
    expect(topics.size).toBeGreaterThan(10);
    expect([...topics].filter((t) => !KNOWN_TOPICS.includes(t))).toEqual([]);
    for (const lang of ["de", "sv"] as const)
      expect(
        [...topics].filter((t) => !knownTopics(lang).includes(t)),
        lang,
      ).toEqual([]);
  });
});
