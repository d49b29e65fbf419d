/**
 * Story 2: a UK mobile customer of six years, direct debit, contract ending in two months, a
 * handset locked to the network. She is switching and keeping her number. Before she confirms
 * she hears about the unlock (free, remote, now), the PAC and its 30 days, the direct debit and
 * the end date; she never hears "visit a store".
 */
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/domain/logger.js";
import { dispatchDue } from "../../src/execution/dispatchOutbox.js";
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

describe("confirming again in a second conversation", () => {
  it("cancels nothing twice: she hears it is already cancelled, with the first reference and her end date", async () => {
    const bot = await aCancellationBot();
    const lines = ["cancel my mobile, switching network", "UK318826", "M14 5RT", "yes", "continue", "yes"];
    const first = bot.chat();
    for (const line of lines) await first.says(line);
    const said = first.transcript.join("\n");
    const pac = said.match(/Your PAC is ([A-Z]{3}\d{6})/)?.[1];
    const reference = said.match(/Your reference is (FX-\d{8}-[0-9A-F]{6})/)?.[1];
    expect(pac).toBeDefined();
    expect(reference).toBeDefined();

    bot.clock.advance(24 * 3_600_000); // the next day
    const second = bot.chat();
    for (const line of lines) await second.says(line);
    const again = second.transcript.join("\n");
    expect(again).toContain(`This is already cancelled: your reference is ${reference}`);
    expect(again).toMatch(/Mobile \(.*\) ends on \w+ \d+ \w+ 2026/);
    expect(again).not.toContain("Cancellation confirmed");

    await second.says("Keep my service");
    second.expectReply(`already cancelled: your reference is ${reference}`, "a person");
    second.expectNoReply(/nothing has been changed/i);
    await second.says("receipt");
    second.expectReply("Here is your receipt again", `Your PAC is ${pac}, valid until`);

    const kinds = [...bot.journal.entries.values()].map((e) => e.action.kind);
    expect(kinds.filter((k) => k === "end_service")).toHaveLength(1);
    expect(kinds.filter((k) => k === "issue_porting_code")).toHaveLength(1);
    expect(bot.notifier.sent.filter((m) => m.subject?.startsWith("Your cancellation"))).toHaveLength(1);
    const secondId = bot.audit.entries.at(-1)!.conversationId;
    const ofSecond = bot.audit.entries.filter((e) => e.conversationId === secondId);
    expect(ofSecond.filter((e) => e.kind === "action")).toEqual([]);
    expect(ofSecond.filter((e) => e.kind === "tone_finding").map((e) => e.data)).toEqual([]);
    expect(ofSecond.filter((e) => e.kind === "customer_signal").map((e) => e.data)).toContainEqual(
      expect.objectContaining({ signal: "already_cancelled", references: [reference] }),
    );
  });
});

describe("the reminders before the line stops", () => {
  it("are texted to the customer at their time, once", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    for (const line of [
      "cancel my mobile, switching network",
      "UK318826",
      "M14 5RT",
      "yes",
      "continue",
      "yes",
    ])
      await chat.says(line);
    chat.expectReply("Cancellation confirmed");
    const deps = {
      outbox: bot.outbox,
      operations: { execute: async () => ({}) },
      notifier: bot.notifier,
      clock: bot.clock,
      logger: silentLogger,
    };
    const reminders = (await bot.outbox.list()).filter((i) => i.payload.kind === "schedule_message");
    expect(reminders.length).toBeGreaterThan(0);
    bot.clock.set(reminders.at(-1)!.dueAt);
    await dispatchDue(deps);
    await dispatchDue(deps);
    const texts = bot.notifier.sent.filter((m) => m.channel === "sms");
    expect(texts.map((m) => m.customerId)).toEqual(reminders.map(() => "cust-uk-locked-handset"));
    expect(texts.some((m) => /stops in one hour/.test(m.body))).toBe(true);
  });
});
