/**
 * Story 2: a UK mobile customer of six years, direct debit, contract ending in two months, a
 * handset locked to the network. She is switching and keeping her number. Before she confirms
 * she hears about the unlock (free, remote, now), the PAC and its 30 days, the direct debit and
 * the end date; she never hears "visit a store".
 */
import { describe, expect, it } from "vitest";
import { aCancellationBot } from "./cancellationBot.js";

describe("the locked handset and the number she keeps", () => {
  it("discloses unlock, PAC, mandate and end date before the yes, then issues a PAC in Ofcom's format", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await chat.says("I'd like to cancel my mobile, I'm switching to another network");
    await chat.says("UK318826");
    await chat.says("M14 5RT");
    chat.expectReply("keep your number");

    await chat.says("yes please, I want to keep my number");
    chat.expectReply(
      "is locked to our network. Unlocking is free: we unlock it now",
      "text PAC to 65075",
      "valid for 30 days",
      "Your direct debit (mandate FXDD-0318826-01)",
      /ends on \w+ \d+ \w+ 2026/,
    );
    chat.expectNoReply(/visit a store|48 hours/i);

    await chat.says("What about my phone?");
    chat.expectReply("Unlocking is free");

    await chat.says("ok, continue");
    chat.expectReply("Shall I go ahead and cancel?");
    await chat.says("yes");
    chat.expectReply(/Your PAC is [A-Z]{3}\d{6}, valid until/, "Your handset unlock has been requested");

    const kinds = [...bot.journal.entries.values()].map((e) => e.action.kind);
    expect(kinds).toEqual(expect.arrayContaining(["end_service", "issue_porting_code", "request_unlock"]));
    expect(kinds.filter((k) => k === "issue_porting_code")).toHaveLength(1);
  });
});
