/**
 * Story 1: a Swedish family, customers for 7 years, signed a new 12-month contract three months
 * ago. The salesperson recorded that moving somewhere we cannot serve ends the contract without
 * a fee. They are moving to Jokkmokk, which we cannot serve.
 */
import { describe, expect, it } from "vitest";
import { aCancellationBot } from "./cancellationBot.js";

describe("the promise on moving", () => {
  it("is honoured: no fee, the promise cited, every disclosure before the yes, executed once, a receipt", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat({ channel: "webchat" });

    await chat.says("Hej, I want to cancel my broadband and TV");
    chat.expectReply("a bot, not a person", "account number");

    await chat.says("SE204718");
    chat.expectReply("postcode");

    await chat.says("169 57");
    chat.expectReply("I've found your account", "why you're leaving");

    await chat.says("We're moving to Jokkmokk");
    chat.expectReply("postcode you're moving to");

    await chat.says("962 31");
    chat.expectReply(
      "We keep the promise made to you on Friday 21 August 2026",
      "4,041.00 SEK charge for ending Fiber 500/500 is waived",
      "2,691.00 SEK charge for ending TV Mellan",
      "ends on Wednesday 23 December 2026",
    );
    chat.expectNoReply(/discount|a month off/i); // nobody we cannot serve gets an offer

    await chat.says("continue");
    chat.expectReply("you owe 0.00 SEK for leaving", "Shall I go ahead and cancel?");
    expect(chat.stage).toBe("confirm");

    await chat.says("yes");
    chat.expectReply(/Cancellation confirmed\. Your reference is FX-20261123-[0-9A-F]{6}/, "was waived");
    const ended = bot.journal.entries;
    expect([...ended.values()].filter((e) => e.action.kind === "end_service")).toHaveLength(2);
    expect(bot.notifier.sent.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Your cancellation FX-/),
    ]);

    const kinds = bot.audit.entries.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(["decision", "disclosure", "confirmation", "action", "receipt"]),
    );
    const confirmedAt = bot.audit.entries.findIndex((e) => e.kind === "confirmation");
    const disclosedBeforeYes = bot.audit.entries
      .slice(0, confirmedAt)
      .filter((e) => e.kind === "disclosure")
      .map((e) => String(e.data.obligationId));
    expect(disclosedBeforeYes).toEqual(
      expect.arrayContaining(["exact-end-date:svc-se-moving-broadband", "payment-mandate", "final-bill"]),
    );
    const decision = bot.audit.entries.find((e) => e.kind === "decision");
    expect(decision?.data.waivers).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: "honour-recorded-promise", amount: 4041 })]),
    );
    expect(await bot.audit.verify()).toEqual([]);

    await chat.says("yes"); // a second yes executes nothing again
    expect([...bot.journal.entries.values()].filter((e) => e.action.kind === "end_service")).toHaveLength(2);
  });
});
