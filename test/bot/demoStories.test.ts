/**
 * The demo stories, end to end: what each customer says, and what a fair outcome looks like.
 * (The promise on moving and the locked handset have files of their own.)
 */
import { describe, expect, it } from "vitest";
import { aCancellationBot } from "./cancellationBot.js";

async function customerSays(account: string, postcode: string, ...lines: string[]) {
  const bot = await aCancellationBot();
  const chat = bot.chat();
  for (const line of ["I want to cancel", account, postcode, ...lines]) await chat.says(line);
  const decisions = bot.audit.entries.filter((e) => e.kind === "decision");
  return { bot, chat, decision: decisions.at(-1)?.data };
}

const waiverRules = (d: Record<string, unknown> | undefined) =>
  ((d?.waivers as { ruleId: string }[] | undefined) ?? []).map((w) => w.ruleId);

describe("the overbilled pay-TV customer", () => {
  it("pays nothing to leave the services we failed, hears about the credit, and is never offered win-back", async () => {
    const { bot, chat, decision } = await customerSays(
      "UK104552",
      "BS6 5QA",
      "all of them",
      "the service keeps dropping and you billed me for a channel I never ordered",
    );
    expect(waiverRules(decision)).toEqual(
      expect.arrayContaining(["our-own-errors", "service-not-delivered"]),
    );
    // Said at the review, which now comes before the reason when the customer answers only "all of them".
    const said = chat.transcript.join("\n");
    expect(said).toMatch(/Your open dispute \(£34\.00\)/);
    expect(said).toContain("we waive the exit fee");
    chat.expectNoReply("Auto-reply only"); // staff notes are evidence for agents, not text for customers
    await chat.says("continue");
    if (chat.stage === "offer") await chat.says("no");
    await chat.says("yes");
    chat.expectReply("Cancellation confirmed", "We will not contact you with offers after you leave.");
    expect(bot.audit.entries.filter((e) => e.kind === "offer").length).toBeLessThanOrEqual(1);
  });
});

describe("the new customer failed by three departments", () => {
  it("leaves without a fee because of our own errors", async () => {
    const { chat, decision } = await customerSays(
      "UK550913",
      "NG7 2RD",
      "the installer was 3 hours late and you charged me a fee nobody mentioned",
    );
    expect(waiverRules(decision)).toContain("our-own-errors");
    expect(decision?.totals).toEqual([{ currency: "GBP", amount: 0 }]);
    chat.expectReply("we waive the exit fee");
  });
});

describe("the customer inside the 14-day cooling-off period", () => {
  it("withdraws at no cost, with the two-step withdrawal and an immediate acknowledgement", async () => {
    const { chat, decision, bot } = await customerSays("DE731108", "80337", "I changed my mind", "no");
    expect(decision?.totals).toEqual([{ currency: "EUR", amount: 0 }]);
    // Withdrawing without a switch, she is not asked about keeping her number: "no" (no
    // questions) at the review brings the confirmation card, with step 2 of 2 and its button.
    chat.expectReply(/Step 2 of 2/);
    expect(chat.transcript.join("\n")).not.toContain("keep your number");
    await chat.says("yes");
    chat.expectReply("Cancellation confirmed", /durable medium/);
    expect(bot.notifier.sent).toHaveLength(1);
  });
});

describe("the bereaved family", () => {
  it("is not greeted with the late account holder's name, gets no offer, owes nothing, and is passed to a person", async () => {
    const { chat, bot, decision } = await customerSays("UK209934", "NR2 3PB", "all", "my father passed away");
    expect(chat.transcript.join("\n")).not.toContain("Thanks, Harold");
    expect(waiverRules(decision)).toContain("bereavement");
    expect(bot.audit.entries.filter((e) => e.kind === "offer")).toHaveLength(0);
    expect(chat.stage).toBe("handover");
  });
});

describe("the customer with a financed handset who lost his job", () => {
  it("is told the device balance is a person's call and is handed over, not pressed", async () => {
    const { chat, bot } = await customerSays(
      "UK627340",
      "CF24 3AS",
      "I lost my job and can't afford it",
      "yes",
    );
    expect(chat.stage).toBe("handover");
    expect(bot.handover.records[0]?.decision?.obligations.map((o) => o.topic)).toContain(
      "financed_device_balance",
    );
    expect(bot.audit.entries.filter((e) => e.kind === "offer")).toHaveLength(0);
  });
});

describe("the customer hit by a price rise the contract never stated", () => {
  it("leaves without an exit fee, and the reason says why", async () => {
    const { decision, chat } = await customerSays("UK481207", "LS6 3HN", "you put the price up");
    expect(waiverRules(decision)).toContain("unstated-price-rise");
    expect(decision?.totals).toEqual([{ currency: "GBP", amount: 0 }]);
    chat.expectReply(/price/i);
  });
});

describe("the German customer past the minimum term", () => {
  it("cancels with one month's notice and no exit fee", async () => {
    const { decision, chat } = await customerSays("DE730415", "10439", "zu teuer");
    const services = decision?.services as { totalDue: number }[];
    expect(services.every((s) => s.totalDue <= 39.95)).toBe(true);
    // "zu teuer": answered in German from there on (issue 16, class 8).
    chat.expectReply(/endet am/);
  });
});
