/**
 * The alumni rule over real conversations: the demo customer who gave win-back consent in the CRM
 * (cust-se-winback-consent) talks to the real engine up to the farewell and answers the consent
 * question. Yes: they may be contacted once the quiet period after their last service ends is
 * over, never before. No: refused at once, though the CRM still says yes (the farewell is later).
 */
import { describe, expect, it } from "vitest";
import { aBotWithAlumni, leaveSaying } from "./alumniBot.js";

const WINBACK = "cust-se-winback-consent";

describe("the farewell's consent decides at once", () => {
  it("yes: refused during the quiet period after the last service ends, allowed after it", async () => {
    const bot = await aBotWithAlumni();
    const before = await bot.alumni.standing(WINBACK);
    expect(before?.reasons.map((r) => r.code)).toEqual(["still_customer"]);
    await leaveSaying(bot, WINBACK, "yes");
    const during = (await bot.alumni.standing(WINBACK))!;
    expect(during.mayContact).toBe(false);
    expect(during.reasons.map((r) => r.code)).toEqual(["quiet_period"]);
    expect(during.consent).toMatchObject({
      given: true,
      source: "conversation",
      at: "2026-11-23T10:00:00.000Z",
    });
    expect(during.consent.conversationId).toMatch(/^conv-test-/);
    expect(during.contactsAllowed).toBe(2);
    expect(during.leftOn).not.toBeNull();
    // The broadband has 30 days' notice: the last service ends 2026-12-23, 90 quiet days after it.
    expect(during.leftOn).toBe("2026-12-23");
    expect(during.quietUntil).toBe("2027-03-23T00:00:00.000Z");
    expect(during.nextPossibleAt).toBe(during.quietUntil);

    bot.clock.set("2027-03-22T23:59:59Z");
    expect((await bot.alumni.standing(WINBACK))?.mayContact).toBe(false);
    bot.clock.set("2027-03-23T00:00:00Z");
    const after = (await bot.alumni.standing(WINBACK))!;
    expect(after.mayContact).toBe(true);
    expect(after.reasons.map((r) => r.code)).toEqual(["may_contact"]);
  });

  it("no: refused at once, although the CRM record says yes (the farewell is the later answer)", async () => {
    const bot = await aBotWithAlumni();
    expect(bot.demo.customers.find((c) => c.id === WINBACK)?.consents.winBack.given).toBe(true);
    await leaveSaying(bot, WINBACK, "no");
    bot.clock.set("2027-06-01T00:00:00Z");
    const s = (await bot.alumni.standing(WINBACK))!;
    expect(s.mayContact).toBe(false);
    expect(s.reasons.map((r) => r.code)).toEqual(["no_consent"]);
    expect(s.consent).toMatchObject({ given: false, source: "conversation" });
    expect(s.nextPossibleAt).toBeNull();
    const refused = await bot.alumni.recordContact(WINBACK, { channel: "email" });
    expect(refused.outcome).toBe("refused");
    expect(await bot.alumni.suppression()).toEqual([
      { customerId: WINBACK, email: "erik.johansson@example.se", reasons: ["no_consent"], until: null },
    ]);
  });
});
