/**
 * The report's figures on the fixture (test/fixtures/insights/report-fixture.json), each
 * checked against a value worked out by hand from the fixture and written here as a literal.
 * The fixture: 7 customers, 7 conversations, 38 audit records. In November 2026:
 * - conv-chain (GBP): install missed an appointment, care left a complaint open, billing charged
 *   an undisclosed fee (waived, 120); a 2024 outage is outside the year looked back; confirmed 3 Nov.
 * - conv-none (SEK): nothing failed on record; moving, 1197 SEK waived; confirmed 4 Nov.
 * - conv-stays: accepted the one offer allowed; tried to instruct the bot.
 * - conv-handover: a failed identity check (not a hand-over), a tone finding and a contradiction
 *   blocked, handed over for two reasons; not confirmed, so its waiver is not counted.
 * - conv-late (GBP): a sales promise for a price rise not honoured, then a network outage; two
 *   offers where one was allowed; the porting code disclosed only after the confirmation.
 * - conv-cooling (EUR): a billing error; cooling-off (29.99) and a promise honoured (50) waived;
 *   dispute d-1 (34) credited, d-2 not.
 * - assist:sess-1: agents' tone alerts (anna: condescension, ben: blame), one contradiction.
 * - conv-old: confirmed 20 October, outside the range.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { openMemoryStore } from "../../src/adapters/memory/memoryStore.js";
import { insightsSourceFrom, insightsSourceOf } from "../../src/insights/ports.js";
import { buildReport, type Report, ReportRangeError } from "../../src/insights/report.js";
import { reportCsv } from "../../src/insights/reportCsv.js";
import { reportJson } from "../../src/insights/reportJson.js";
import { reportMarkdown } from "../../src/insights/reportMarkdown.js";
import { demoPolicy } from "../bot/cancellationBot.js";
import { loadReportFixture } from "./reportFixture.js";

const f = (count: number, ...conversationIds: string[]) => ({ count, conversationIds });
const l = (label: string, count: number, ...conversationIds: string[]) => ({ label, count, conversationIds });
const m = (currency: string, amount: number, ...conversationIds: string[]) => ({
  currency,
  amount,
  conversationIds,
});
const NOW = new Date("2026-12-01T08:00:00Z");

let store: ReturnType<typeof openMemoryStore>;
let source: ReturnType<typeof insightsSourceOf>;
let report: Report;

beforeAll(async () => {
  store = openMemoryStore();
  await loadReportFixture(store);
  source = insightsSourceOf(store);
  report = await buildReport(source, {
    from: "2026-11-01",
    to: "2026-11-30",
    now: NOW,
    policy: await demoPolicy(),
  });
});

describe("the report on the fixture, November 2026", () => {
  it("says what it covers and read", () => {
    expect(report.schemaVersion).toBe(1);
    expect(report.generatedAt).toBe("2026-12-01T08:00:00.000Z");
    expect(report.range).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(report.read).toEqual({ auditEntries: 38, conversations: 7, customers: 7 });
  });

  it("counts cancellations asked for, confirmed and stayed", () => {
    const c = report.cancellations;
    expect(c.started).toEqual(
      f(6, "conv-chain", "conv-cooling", "conv-handover", "conv-late", "conv-none", "conv-stays"),
    );
    expect(c.confirmed).toEqual(f(4, "conv-chain", "conv-cooling", "conv-late", "conv-none"));
    expect(c.stayed).toEqual(f(1, "conv-stays"));
  });

  it("puts cancellations on the day, the ISO week and the month they were confirmed", () => {
    const o = report.cancellations.overTime;
    expect(o.day).toHaveLength(30);
    expect(o.day.filter((d) => d.count > 0)).toEqual([
      { start: "2026-11-03", ...f(1, "conv-chain") },
      { start: "2026-11-04", ...f(1, "conv-none") },
      { start: "2026-11-10", ...f(1, "conv-late") },
      { start: "2026-11-17", ...f(1, "conv-cooling") },
    ]);
    // 1 November 2026 is a Sunday: its week starts on Monday 26 October.
    expect(o.week).toEqual([
      { start: "2026-10-26", ...f(0) },
      { start: "2026-11-02", ...f(2, "conv-chain", "conv-none") },
      { start: "2026-11-09", ...f(1, "conv-late") },
      { start: "2026-11-16", ...f(1, "conv-cooling") },
      { start: "2026-11-23", ...f(0) },
      { start: "2026-11-30", ...f(0) },
    ]);
    expect(o.month).toEqual([
      { start: "2026-11-01", ...f(4, "conv-chain", "conv-cooling", "conv-late", "conv-none") },
    ]);
  });

  it("breaks cancellations down by stated reason, root-cause department and chain", () => {
    const c = report.cancellations;
    expect(c.byStatedReason).toEqual([
      l("changed_mind", 1, "conv-cooling"),
      l("moving", 1, "conv-none"),
      l("price", 1, "conv-late"),
      l("service_problems", 1, "conv-chain"),
    ]);
    expect(c.byRootCause).toEqual([
      l("billing", 1, "conv-cooling"),
      l("install", 1, "conv-chain"),
      l("none", 1, "conv-none"),
      l("sales", 1, "conv-late"),
      l("care", 0),
      l("network", 0),
      l("product", 0),
    ]);
    expect(c.byDepartmentInChain).toEqual([
      l("billing", 2, "conv-chain", "conv-cooling"),
      l("care", 1, "conv-chain"),
      l("install", 1, "conv-chain"),
      l("network", 1, "conv-late"),
      l("sales", 1, "conv-late"),
      l("product", 0),
    ]);
    expect(c.byChain).toEqual([
      l("billing", 1, "conv-cooling"),
      l("install > care > billing", 1, "conv-chain"),
      l("none", 1, "conv-none"),
      l("sales > network", 1, "conv-late"),
    ]);
  });

  it("attributes each leaver with the evidence, in the order each department first failed them", () => {
    expect(report.cancellations.leavers).toEqual([
      {
        conversationId: "conv-chain",
        customerId: "cust-chain",
        confirmedAt: "2026-11-03T09:08:00Z",
        statedReason: "service_problems",
        rootCause: "install",
        chain: ["install", "care", "billing"],
        links: [
          {
            department: "install",
            firstAt: "2026-09-10T08:00:00Z",
            kinds: ["missed_appointment"],
            evidence: ["int-1"],
          },
          {
            department: "care",
            firstAt: "2026-09-20T12:00:00Z",
            kinds: ["unresolved_complaint"],
            evidence: ["int-2"],
          },
          {
            department: "billing",
            firstAt: "2026-10-01T09:00:00Z",
            kinds: ["undisclosed_fee"],
            evidence: ["int-3"],
          },
        ],
        policyRevision: "rev-a",
      },
      {
        conversationId: "conv-none",
        customerId: "cust-none",
        confirmedAt: "2026-11-04T09:08:00Z",
        statedReason: "moving",
        rootCause: "none",
        chain: [],
        links: [],
        policyRevision: "rev-a",
      },
      {
        conversationId: "conv-late",
        customerId: "cust-late",
        confirmedAt: "2026-11-10T09:11:00Z",
        statedReason: "price",
        rootCause: "sales",
        chain: ["sales", "network"],
        links: [
          {
            department: "sales",
            firstAt: "2026-06-01",
            kinds: ["broken_promise"],
            evidence: ["promise:p-3"],
          },
          { department: "network", firstAt: "2026-10-15T18:00:00Z", kinds: ["outage"], evidence: ["int-10"] },
        ],
        policyRevision: "rev-b",
      },
      {
        conversationId: "conv-cooling",
        customerId: "cust-cooling",
        confirmedAt: "2026-11-17T09:08:00Z",
        statedReason: "changed_mind",
        rootCause: "billing",
        chain: ["billing"],
        links: [
          {
            department: "billing",
            firstAt: "2026-11-01T10:00:00Z",
            kinds: ["billing_error"],
            evidence: ["int-60"],
          },
        ],
        policyRevision: "rev-b",
      },
    ]);
  });

  it("finds the one cancellation whose porting code was disclosed after the confirmation", () => {
    expect(report.policyKept.disclosures).toEqual({
      confirmed: f(4, "conv-chain", "conv-cooling", "conv-late", "conv-none"),
      allBeforeConfirmation: f(3, "conv-chain", "conv-cooling", "conv-none"),
      share: 0.75,
      gaps: [{ conversationId: "conv-late", obligationIds: ["porting-code:svc-m3"] }],
    });
  });

  it("without the policy, counts every obligation as due before confirmation (the durable receipt too)", async () => {
    const strict = await buildReport(source, { from: "2026-11-01", to: "2026-11-30", now: NOW });
    expect(strict.policyKept.disclosures.gaps).toEqual([
      { conversationId: "conv-late", obligationIds: ["porting-code:svc-m3", "durable-receipt"] },
    ]);
    expect(strict.policyKept.disclosures.share).toBe(0.75);
  });

  it("counts tone and contradictions caught in the bot's words and in agents' speech", () => {
    const p = report.policyKept;
    expect(p.botToneFindings).toEqual({
      total: f(1, "conv-handover"),
      byCategory: [l("guilt_tripping", 1, "conv-handover")],
    });
    expect(p.agentToneAlerts).toEqual({
      total: f(2, "assist:sess-1"),
      byCategory: [l("blame", 1, "assist:sess-1"), l("condescension", 1, "assist:sess-1")],
      byAgent: [l("agent-anna", 1, "assist:sess-1"), l("agent-ben", 1, "assist:sess-1")],
    });
    expect(p.contradictions).toEqual({
      bot: f(1, "conv-handover"),
      agents: f(1, "assist:sess-1"),
      byCategory: [l("fee_not_due", 2, "assist:sess-1", "conv-handover")],
    });
    expect(p.customerSignals).toEqual([l("instruction_attempt", 1, "conv-stays")]);
  });

  it("counts offers and their answers, and reports the offer beyond the allowance", () => {
    expect(report.retention).toEqual({
      offersMade: f(3, "conv-late", "conv-stays"),
      accepted: f(1, "conv-stays"),
      declined: f(2, "conv-late"),
      unclear: f(0),
      byRule: [l("price-discount", 2, "conv-late", "conv-stays"), l("fix-first", 1, "conv-late")],
      overAllowance: {
        count: 1,
        violations: [
          { conversationId: "conv-late", offersMade: 2, allowed: 1, reason: "the decision allowed 1 offer" },
        ],
      },
    });
  });

  it("adds waivers, charges and refunds per currency, never across currencies", () => {
    const money = report.money;
    expect(money.waiversByRule).toEqual([
      {
        ...l("cooling-off", 1, "conv-cooling"),
        group: "cooling_off",
        amounts: [m("EUR", 29.99, "conv-cooling")],
      },
      {
        ...l("honour-recorded-promise", 1, "conv-cooling"),
        group: "promise_honoured",
        amounts: [m("EUR", 50, "conv-cooling")],
      },
      {
        ...l("moving-out-of-coverage", 1, "conv-none"),
        group: "circumstances",
        amounts: [m("SEK", 1197, "conv-none")],
      },
      { ...l("our-own-errors", 1, "conv-chain"), group: "our_error", amounts: [m("GBP", 120, "conv-chain")] },
    ]);
    expect(money.waiversByGroup).toEqual([
      { ...l("circumstances", 1, "conv-none"), amounts: [m("SEK", 1197, "conv-none")] },
      { ...l("cooling_off", 1, "conv-cooling"), amounts: [m("EUR", 29.99, "conv-cooling")] },
      { ...l("our_error", 1, "conv-chain"), amounts: [m("GBP", 120, "conv-chain")] },
      { ...l("promise_honoured", 1, "conv-cooling"), amounts: [m("EUR", 50, "conv-cooling")] },
    ]);
    expect(money.waivedTotal).toEqual([
      m("EUR", 79.99, "conv-cooling"),
      m("GBP", 120, "conv-chain"),
      m("SEK", 1197, "conv-none"),
    ]);
    expect(money.chargedTotal).toEqual([
      m("EUR", 0, "conv-cooling"),
      m("GBP", 45.5, "conv-chain", "conv-late"),
      m("SEK", 0, "conv-none"),
    ]);
    expect(money.refunds).toEqual({
      disputes: { count: f(1, "conv-cooling"), amounts: [m("EUR", 34, "conv-cooling")] },
      promotions: { count: f(1, "conv-chain") },
      undisclosedFees: { count: f(1, "conv-chain"), amounts: [m("GBP", 120, "conv-chain")] },
    });
  });

  it("counts hand-overs by reason, not the failed identity check", () => {
    expect(report.handovers).toEqual({
      total: f(1, "conv-handover"),
      byReason: [l("bereaved-to-person", 1, "conv-handover"), l("vulnerable-to-person", 1, "conv-handover")],
      afterCancellation: f(0),
    });
  });

  it("ties the figures to the policy revision they were made under", () => {
    expect(report.policyRevisions).toEqual([
      {
        revision: "rev-a",
        firstSeen: "2026-11-03T09:05:00Z",
        lastSeen: "2026-11-04T09:08:00Z",
        decisions: f(2, "conv-chain", "conv-none"),
        confirmed: f(2, "conv-chain", "conv-none"),
        offersMade: f(0),
        offersAccepted: f(0),
        handovers: f(0),
        waived: [m("GBP", 120, "conv-chain"), m("SEK", 1197, "conv-none")],
        charged: [m("GBP", 0, "conv-chain"), m("SEK", 0, "conv-none")],
        disclosureShare: 1,
      },
      {
        revision: "rev-b",
        firstSeen: "2026-11-05T09:05:00Z",
        lastSeen: "2026-11-17T09:08:00Z",
        decisions: f(4, "conv-cooling", "conv-handover", "conv-late", "conv-stays"),
        confirmed: f(2, "conv-cooling", "conv-late"),
        offersMade: f(3, "conv-late", "conv-stays"),
        offersAccepted: f(1, "conv-stays"),
        handovers: f(1, "conv-handover"),
        waived: [m("EUR", 79.99, "conv-cooling")],
        charged: [m("EUR", 0, "conv-cooling"), m("GBP", 45.5, "conv-late")],
        disclosureShare: 0.5,
      },
    ]);
  });
});

describe("the insights source", () => {
  it("over plain data gives the same report as over the store", async () => {
    const conversations = [];
    for (const c of await store.conversations.list())
      conversations.push((await store.conversations.get(c.id))!);
    const plain = insightsSourceFrom({
      customers: await store.customers.list(),
      conversations,
      audit: await store.audit.read(),
    });
    expect(await plain.conversations()).toEqual(await source.conversations());
    const again = await buildReport(plain, {
      from: "2026-11-01",
      to: "2026-11-30",
      now: NOW,
      policy: await demoPolicy(),
    });
    expect(again).toEqual(report);
  });
});

describe("the report's range", () => {
  it("October holds only the cancellation confirmed then", async () => {
    const october = await buildReport(source, { from: "2026-10-01", to: "2026-10-31", now: NOW });
    expect(october.cancellations.confirmed).toEqual(f(1, "conv-old"));
    expect(october.cancellations.byRootCause[0]).toEqual(l("none", 1, "conv-old"));
    expect(october.retention.offersMade).toEqual(f(0));
    expect(october.policyRevisions.map((r) => [r.revision, r.confirmed.count])).toEqual([["rev-a", 1]]);
  });

  it("defaults to the 30 days up to the day of now", async () => {
    const r = await buildReport(source, { now: new Date("2026-11-10T23:00:00Z") });
    expect(r.range).toEqual({ from: "2026-10-11", to: "2026-11-10" });
    expect(r.cancellations.confirmed).toEqual(f(4, "conv-chain", "conv-late", "conv-none", "conv-old"));
  });

  it("refuses a date that is not one, and a from after to, naming which", async () => {
    await expect(buildReport(source, { from: "2026-02-30", now: NOW })).rejects.toThrow(
      new ReportRangeError('from: expected a date as YYYY-MM-DD, got "2026-02-30"'),
    );
    await expect(buildReport(source, { to: "30/11/2026", now: NOW })).rejects.toThrow(/^to: expected a date/);
    await expect(buildReport(source, { from: "2026-11-30", to: "2026-11-01", now: NOW })).rejects.toThrow(
      "from (2026-11-30) is after to (2026-11-01)",
    );
  });
});

describe("the report's formats", () => {
  it("json is the report, checked against its schema", () => {
    expect(JSON.parse(reportJson(report))).toEqual(report);
    expect(() => reportJson({ ...report, schemaVersion: 2 as 1 })).toThrow(/schemaVersion/);
  });

  it("csv has one row per figure with the conversations behind it", () => {
    const lines = reportCsv(report).split("\r\n");
    expect(lines[0]).toBe("section,figure,label,currency,value,conversation_ids");
    expect(lines).toContain("cancellations,confirmed,,,4,conv-chain conv-cooling conv-late conv-none");
    expect(lines).toContain("cancellations,by_chain,install > care > billing,,1,conv-chain");
    expect(lines).toContain(
      "policy_kept,disclosure_share,,,0.75,conv-chain conv-cooling conv-late conv-none",
    );
    expect(lines).toContain("policy_kept,disclosure_gap,porting-code:svc-m3,,1,conv-late");
    expect(lines).toContain("retention,over_allowance,,,1,conv-late");
    expect(lines).toContain("money,waived_total,,EUR,79.99,conv-cooling");
    expect(lines).toContain("money,waived_total,,SEK,1197,conv-none");
    expect(lines).toContain("money,dispute_refunds_amount,,EUR,34,conv-cooling");
  });

  it("markdown has the tables a head of care reads", () => {
    const md = reportMarkdown(report);
    expect(md).toContain("# FairExit report, 2026-11-01 to 2026-11-30");
    expect(md).toContain(
      "| Cancellations confirmed | 4 | `conv-chain`, `conv-cooling`, `conv-late`, `conv-none` |",
    );
    expect(md).toContain("| Every disclosure before confirmation | 3 of 4 (75%) | `conv-late` |");
    expect(md).toContain("| Offers beyond what the policy allows | 1 | `conv-late` |");
    expect(md).toContain("| install > care > billing | 1 | `conv-chain` |");
    expect(md).toContain("| `conv-late` | porting-code:svc-m3 |");
    expect(md).toContain("Waived in all: €79.99 + £120.00 + 1,197.00 SEK.");
  });
});
