/**
 * `fairexit demo history`'s player against the real app (createApp, a temporary lowdb store,
 * the real policy packs): the leavers' cancellations end up in the audit trail at the dates
 * they left, and the store shows them as leaving.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { type DemoHistorySummary, playDemoHistory } from "../../src/cli/demoHistory/playDemoHistory.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { silentLogger } from "../../src/domain/logger.js";
import { atRiskCustomers } from "../../src/insights/atRisk.js";
import { syntheticHistory } from "../../src/insights/syntheticHistory.js";
import { repoRoot } from "../support/runFairexit.js";

const history = syntheticHistory({ customers: 24, seed: 5, end: "2026-12-01" });
const leavers = history.filter((s) => s.leftAt);
let dir: string;
let app: App;
let summary: DemoHistorySummary;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-demo-history-"));
  const clock = new ManualClock("2026-12-01T09:00:00Z");
  const config = loadConfig(
    {
      FAIREXIT_DATA_DIR: dir,
      FAIREXIT_SECRET: "demo-history-test-secret-0123456789abcdef",
      LOG_LEVEL: "silent",
    },
    repoRoot,
  );
  app = await createApp(config, { logger: silentLogger, clock });
  summary = await playDemoHistory(app, clock, history, 5);
});
afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("demo history", () => {
  it("plays one conversation per leaver and accounts for each", () => {
    expect(leavers.length).toBeGreaterThanOrEqual(5);
    expect(summary.customersAdded).toBe(24);
    expect(summary.conversations).toBe(leavers.length);
    const o = summary.outcomes;
    expect(o.cancelled + o.handed_over + o.stayed + o.unexpected).toBe(leavers.length);
    expect(o.cancelled).toBeGreaterThan(0);
  });

  it("puts each cancellation in the audit trail on the day the customer left", async () => {
    const audit = await app.store.audit.read();
    const confirmations = audit.filter((e) => e.kind === "confirmation");
    expect(confirmations).toHaveLength(summary.outcomes.cancelled);
    for (const e of confirmations) {
      const leaver = leavers.find((s) => `demo-${s.customer.id}` === e.conversationId);
      expect(leaver, e.conversationId).toBeDefined();
      expect(e.at.slice(0, 10)).toBe(leaver?.leftAt?.slice(0, 10));
    }
    expect(await app.store.audit.verify()).toEqual([]);
  });

  it("leaves the store showing who left, so the at-risk list no longer lists them", async () => {
    const customers = await app.store.customers.list();
    for (const s of leavers) {
      const stored = customers.find((c) => c.id === s.customer.id);
      expect(stored?.interactions.some((i) => i.kind === "cancellation_request")).toBe(true);
    }
    const listed = atRiskCustomers(customers, { now: "2026-12-01", minScore: 0 }).map((r) => r.customerId);
    for (const s of leavers) expect(listed).not.toContain(s.customer.id);
    const ending = customers.filter(
      (c) => c.id.startsWith("syn-") && c.services.every((sv) => sv.status === "ending"),
    );
    expect(ending).toHaveLength(summary.outcomes.cancelled);
  });

  it("a second run with the same seed adds and plays nothing", async () => {
    const before = (await app.store.audit.read()).length;
    const again = await playDemoHistory(app, new ManualClock("2026-12-01T09:00:00Z"), history, 5);
    expect(again).toMatchObject({ customersAdded: 0, alreadyThere: 24, conversations: 0 });
    expect((await app.store.audit.read()).length).toBe(before);
  });
});
