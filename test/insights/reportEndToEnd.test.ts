/**
 * The report over real conversations: every demo customer talks to the real engine (the real
 * packs, a memory store), one a day; the test notes what it saw happen from the bot's answers
 * alone (a confirmation, each offer asked about and the answer given, a customer who kept the
 * service, a hand-over), and the report, built from the store and audit trail afterwards, must
 * count the same.
 */
import { describe, expect, it } from "vitest";
import type { BotTurn } from "../../src/bot/botReply.js";
import { insightsSourceOf } from "../../src/insights/ports.js";
import { buildReport } from "../../src/insights/report.js";
import { reportCsv } from "../../src/insights/reportCsv.js";
import { reportJson } from "../../src/insights/reportJson.js";
import { reportMarkdown } from "../../src/insights/reportMarkdown.js";
import { aCancellationBot, demoPolicy } from "../bot/cancellationBot.js";
import { nextLine } from "../bot/simulatedCustomer.js";

const DAY = 86_400_000;
const TAKE_THE_OFFER = ["cust-se-moving", "cust-uk-price-rise"];
const KEEPS_THE_SERVICE = "cust-se-17-years";
const sorted = (ids: string[]) => [...new Set(ids)].sort();

/** Every demo customer's conversation, and what the test saw happen in each. */
async function demoConversations() {
  const bot = await aCancellationBot({ now: "2026-11-02T09:00:00Z" });
  const seen = {
    confirmed: [] as string[],
    offers: 0,
    accepted: [] as string[],
    declined: [] as string[],
    kept: [] as string[],
    handovers: [] as string[],
  };
  for (const customer of bot.demo.customers) {
    const id = `e2e-${customer.id}`;
    const takesOffer = TAKE_THE_OFFER.includes(customer.id);
    const keepsService = customer.id === KEEPS_THE_SERVICE;
    let line: string | undefined = "I want to cancel";
    let asked: string | undefined;
    for (let guard = 0; line !== undefined && guard < 40; guard++) {
      const turn: BotTurn = await bot.engine.receive(id, line, {});
      if (asked === "confirm" && line === "yes" && turn.stage !== "confirm" && turn.stage !== "review")
        seen.confirmed.push(id);
      if (turn.stage === "handover") seen.handovers.push(id);
      asked = turn.expecting;
      if (turn.expecting === "offer") {
        seen.offers++;
        (takesOffer ? seen.accepted : seen.declined).push(id);
        line = takesOffer ? "I'll take the offer" : "no thanks";
      } else if (turn.expecting === "confirm" && keepsService) {
        seen.kept.push(id);
        await bot.engine.receive(id, "no, I'll keep my service", {});
        line = undefined;
      } else line = nextLine(turn, customer);
    }
    bot.clock.advance(DAY);
  }
  return { bot, seen };
}

describe("the report after the demo customers talk to the bot", () => {
  it("counts the confirmations, offers, answers, stayers and hand-overs that happened, every disclosure before confirmation", async () => {
    const { bot, seen } = await demoConversations();
    // The run covers every kind of outcome, or the comparisons below would prove little.
    expect(seen.confirmed.length).toBeGreaterThanOrEqual(4);
    expect(seen.accepted.length).toBeGreaterThanOrEqual(1);
    expect(seen.declined.length).toBeGreaterThanOrEqual(1);
    expect(seen.handovers.length).toBeGreaterThanOrEqual(1);
    expect(seen.kept).toHaveLength(1);

    const report = await buildReport(insightsSourceOf(bot.store), {
      from: "2026-11-01",
      to: "2026-11-30",
      now: bot.clock.now(),
      policy: await demoPolicy(),
    });
    const c = report.cancellations;
    expect(c.confirmed.conversationIds).toEqual(sorted(seen.confirmed));
    expect(c.confirmed.count).toBe(seen.confirmed.length);
    expect(c.stayed.conversationIds).toEqual(sorted([...seen.accepted, ...seen.kept]));
    expect(c.leavers.map((l) => l.conversationId).sort()).toEqual(sorted(seen.confirmed));
    // Each confirmation falls on its own day (one customer a day).
    expect(c.overTime.day.filter((d) => d.count > 0).map((d) => d.count)).toEqual(
      seen.confirmed.map(() => 1),
    );
    expect(c.overTime.month.map((m) => [m.start, m.count])).toEqual([["2026-11-01", seen.confirmed.length]]);
    // The stories behind FairExit, read from the demo records: the new customer failed by the
    // installer, care and billing one after another; the pay-TV customer failed by the network first.
    const chainOf = (id: string) => c.leavers.find((l) => l.conversationId === id)?.chain;
    expect(chainOf("e2e-cust-uk-new-broadband")).toEqual(["install", "care", "billing"]);
    expect(chainOf("e2e-cust-uk-paytv-outages")).toEqual(["network", "billing", "care"]);
    // Everyone gave the same reason.
    expect(c.byStatedReason.map((r) => [r.label, r.count])).toEqual([["price", seen.confirmed.length]]);

    const t = report.retention;
    expect(t.offersMade.count).toBe(seen.offers);
    expect(t.accepted.conversationIds).toEqual(sorted(seen.accepted));
    expect(t.declined.conversationIds).toEqual(sorted(seen.declined));
    expect(t.overAllowance).toEqual({ count: 0, violations: [] });

    // The pay-TV customer's open dispute (£34.00) is credited when she leaves.
    expect(report.money.refunds.disputes.amounts).toEqual([
      { currency: "GBP", amount: 34, conversationIds: ["e2e-cust-uk-paytv-outages"] },
    ]);
    expect(report.money.waiversByRule.map((w) => w.label)).toContain("our-own-errors");
    expect(report.handovers.total.conversationIds).toEqual(sorted(seen.handovers));
    expect(report.policyKept.disclosures.share).toBe(1);
    expect(report.policyKept.disclosures.gaps).toEqual([]);
    expect(report.policyRevisions).toHaveLength(1);
    expect(report.policyRevisions[0]?.confirmed.count).toBe(seen.confirmed.length);

    expect(JSON.parse(reportJson(report))).toEqual(report);
    expect(reportCsv(report)).toContain(`cancellations,confirmed,,,${seen.confirmed.length},`);
    expect(reportMarkdown(report)).toContain(`| Cancellations confirmed | ${seen.confirmed.length} |`);
  });
});
