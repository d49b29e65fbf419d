/**
 * The supervisor dashboard in a real browser, on data made by real conversations with the
 * bot (customers cancelling, one accepting an offer, one handed over): signed in with a real
 * one-time link, the charts are drawn by Chart.js (served from the npm package under the
 * page's CSP), every number in the tables is the report's, clicking a bar and then a
 * conversation opens that conversation's transcript and audit record, and a browser without
 * a login gets the page that explains how to sign in.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { atRiskCustomers } from "../../src/insights/atRisk.js";
import type { Report } from "../../src/insights/report.js";
import { API_KEY, type AssistServer, anAssistServer } from "../assist/http/assistServer.js";
import { agentCall, type StoryOutcome, talkThroughAll } from "../support/supervisorStories.js";
import { aBrowser, browserRequired, chromiumMissing } from "./chromium.js";

if (chromiumMissing && !browserRequired) console.warn(`browser tests skipped: ${chromiumMissing}`);

/** The value at a dotted path of the report (`cancellations.byStatedReason.0.count`). */
function at(report: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], report);
}

describe.skipIf(chromiumMissing !== undefined && !browserRequired)(
  "the supervisor dashboard in Chromium",
  () => {
    let server: AssistServer;
    let browser: Awaited<ReturnType<typeof aBrowser>>;
    let outcomes: StoryOutcome[];
    let assistConversation: string;
    let page: Page;
    const problems: string[] = [];

    beforeAll(async () => {
      if (chromiumMissing) throw new Error(`the browser suite must run under CI: ${chromiumMissing}`);
      server = await anAssistServer();
      outcomes = await talkThroughAll(server.url);
      assistConversation = await agentCall(server.url, API_KEY);
      browser = await aBrowser();
      page = await browser.context.newPage();
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(`${m.text()} ${m.location().url}`);
      });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("signs in with a real link and lands on the dashboard", async () => {
      expect(outcomes.map((o) => o.stage)).toContain("handover");
      await page.goto(`${server.loginLink()}&next=/supervisor`);
      expect(new URL(page.url()).pathname).toBe("/supervisor");
      await page.locator("#status", { hasText: "asked to leave" }).waitFor({ timeout: 20_000 });
    }, 60_000);

    it("draws every chart with Chart.js", async () => {
      expect(await page.evaluate<string>("window.Chart.version")).toBe("4.6.2");
      const drawn = await page.evaluate<{ id: string; chart: boolean; inked: number }[]>(`
      [...document.querySelectorAll("canvas[id^=chart-]")].map((c) => {
        const { data } = c.getContext("2d").getImageData(0, 0, c.width, c.height);
        let inked = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) inked++;
        return { id: c.id, chart: window.Chart.getChart(c) !== undefined, inked };
      })`);
      expect(drawn.length).toBeGreaterThanOrEqual(12);
      for (const c of drawn) {
        expect(c.chart, c.id).toBe(true);
        expect(c.inked, c.id).toBeGreaterThan(500);
      }
      // a bar is drawn for the three cancellations of the day
      const bars = await page.evaluate<number[]>(
        `window.Chart.getChart(document.getElementById("chart-over-time")).data.datasets[0].data`,
      );
      expect(bars.reduce((a, b) => a + b, 0)).toBe(3);
      // the policy revision in force is marked where it was first seen: the demo day, the last bar
      const marks = await page.evaluate<{ index: number; label: string }[]>(
        `window.Chart.getChart(document.getElementById("chart-over-time")).options.plugins.revisionMarkers.marks`,
      );
      const revision = server.app.policies.current()!.revision.replace(/^sha256:/, "");
      expect(marks).toEqual([{ index: bars.length - 1, label: revision.slice(0, 10) }]);
    });

    it("shows another range when one is chosen", async () => {
      await page.getByRole("button", { name: "Last 7 days" }).click();
      await page.locator("#status", { hasText: "2026-11-17 to 2026-11-23" }).waitFor({ timeout: 20_000 });
      await expect(page.locator('[data-table="over-time"] tbody tr').count()).resolves.toBe(7);
      expect(new URL(page.url()).search).toBe("?from=2026-11-17&to=2026-11-23");
      await expect(page.locator("#download-csv").getAttribute("href")).resolves.toBe(
        "/api/supervisor/report.csv?from=2026-11-17&to=2026-11-23",
      );
    }, 30_000);

    it("shows in its tables exactly the report's numbers", async () => {
      const range = { from: await page.inputValue("#from"), to: await page.inputValue("#to") };
      const report: Report = await server.app.insights.report(range);
      const cells = await page.evaluate<{ path: string; value: string; text: string }[]>(
        `[...document.querySelectorAll("main [data-path]")].map((c) => ({ path: c.dataset.path, value: c.dataset.value, text: c.textContent }))`,
      );
      expect(cells.length).toBeGreaterThan(40);
      for (const cell of cells) {
        const expected = at(report, cell.path);
        expect(expected, cell.path).not.toBeUndefined();
        expect(cell.value, cell.path).toBe(expected === null ? "" : String(expected));
      }
      const paths = new Set(cells.map((c) => c.path));
      for (const key of [
        "cancellations.confirmed.count",
        "cancellations.byStatedReason.0.count",
        "cancellations.byRootCause.0.count",
        "policyKept.disclosures.share",
        "retention.accepted.count",
        "money.waiversByRule.0.amounts.0.amount",
        "handovers.byReason.0.count",
        "policyRevisions.0.decisions.count",
      ])
        expect(paths, key).toContain(key);
      const confirmed = cells.find((c) => c.path === "cancellations.confirmed.count")!;
      expect(confirmed.text).toBe("3");
    });

    it("opens the conversations behind a bar, and a conversation's transcript and audit record", async () => {
      const report = await server.app.insights.report({
        from: await page.inputValue("#from"),
        to: await page.inputValue("#to"),
      });
      const [handedOver] = report.handovers.byReason[0]!.conversationIds;
      const canvas = page.locator("#chart-handovers");
      await canvas.scrollIntoViewIfNeeded();
      const bar = await page.evaluate<{ x: number; y: number }>(`(() => {
      const el = window.Chart.getChart(document.getElementById("chart-handovers")).getDatasetMeta(0).data[0];
      return { x: el.x, y: (el.y + el.base) / 2 };
    })()`);
      const box = (await canvas.boundingBox())!;
      await page.mouse.click(box.x + bar.x, box.y + bar.y);

      const drill = page.locator("#drill");
      await drill.locator(`button[data-conversation="${handedOver}"]`).waitFor({ timeout: 10_000 });
      await expect(drill.locator("#drill-title").innerText()).resolves.toMatch(
        /bereavement-care.*: 1 conversation/,
      );
      await drill.locator(`button[data-conversation="${handedOver}"]`).click();

      const transcript = drill.locator(`ol.transcript[data-conversation="${handedOver}"]`);
      await transcript.waitFor({ timeout: 10_000 });
      const bereaved = outcomes.find((o) => o.account === "UK209934")!;
      const said = await transcript.locator("li.customer p").allInnerTexts();
      expect(said).toEqual(
        bereaved.transcript.filter((l) => l.startsWith("customer: ")).map((l) => l.slice(10)),
      );
      await expect(drill.locator("table[data-table=audit]").innerText()).resolves.toContain("handover");
      expect(await page.evaluate<string | undefined>("document.activeElement?.id")).toBe(
        "conversation-title",
      );
    }, 60_000);

    it("opens the conversations behind a number in a table, by keyboard", async () => {
      const cancelled = page.locator('[data-path="cancellations.confirmed.count"] button');
      await cancelled.focus();
      await page.keyboard.press("Enter");
      await expect(
        page
          .locator("#drill-title", { hasText: "Cancelled: 3 conversation(s)" })
          .waitFor({ timeout: 10_000 }),
      ).resolves.toBeUndefined();
      const rows = page.locator("#drill table[data-table=drill] tbody tr");
      await rows.first().waitFor({ timeout: 10_000 });
      await expect(rows.count()).resolves.toBe(3);
    }, 30_000);

    it("opens an agent's tone alert down to the assist session's audit record", async () => {
      await page.keyboard.press("Escape");
      await expect(page.locator("#drill").isHidden()).resolves.toBe(true);
      const alerts = page.locator('[data-table="tone-by-agent"] td[data-path] button').first();
      await alerts.click();
      const row = page.locator(`#drill button[data-conversation="${assistConversation}"]`);
      await row.waitFor({ timeout: 10_000 });
      await row.click();
      await page.locator("#conversation-title", { hasText: assistConversation }).waitFor({ timeout: 10_000 });
      await expect(page.locator("#conversation").innerText()).resolves.toContain("No transcript stored.");
      await expect(page.locator("#drill table[data-table=audit]").innerText()).resolves.toContain(
        "assist_alert",
      );
    }, 30_000);

    it("lists the customers at risk, each point of a score explained", async () => {
      const expected = atRiskCustomers(await server.app.insights.source.customers(), {
        now: server.app.clock.now(),
      });
      expect(expected.length).toBeGreaterThan(0);
      await page.locator('[data-table="at-risk"]').waitFor({ timeout: 20_000 });
      const rows = await page.evaluate<string[][]>(
        `[...document.querySelectorAll('[data-table="at-risk"] tbody tr')].map((r) => [
          r.querySelector("th").textContent, r.querySelector("td[data-value]").dataset.value])`,
      );
      expect(rows).toEqual(expected.map((c) => [c.accountNumber, String(c.score)]));
      const first = page.locator(`details[data-customer="${expected[0]!.customerId}"] li`);
      await expect(first.count()).resolves.toBe(expected[0]!.points.length);
      await expect(first.first().textContent()).resolves.toContain(expected[0]!.points[0]!.why);
    }, 30_000);

    it("shows the policy in force with its citations, and its tests", async () => {
      const revision = server.app.policies.current()!.revision;
      await page.locator(`[data-revision="${revision}"]`).first().waitFor({ timeout: 20_000 });
      const tests = page.locator('[data-tests="in force"] p').first();
      await expect(tests.getAttribute("data-failed")).resolves.toBe("0");
      await expect(page.locator('[data-pack="uk-telecom"] td.citation').allTextContents()).resolves.toContain(
        "Ofcom: locked handsets banned from 17 December 2021; older ones unlocked free, and the customer told how",
      );
    }, 30_000);

    it("is keyboard-usable: a skip link first, and every control has a name", async () => {
      await page.goto(`${server.url}/supervisor`);
      await page.locator("#status", { hasText: "asked to leave" }).waitFor({ timeout: 20_000 });
      await page.keyboard.press("Tab");
      expect(await page.evaluate<string>("document.activeElement?.textContent?.trim()")).toBe(
        "Skip to the figures",
      );
      const unnamed = await page.evaluate<number>(
        `[...document.querySelectorAll("button, select, input")].filter(
          (el) => !el.labels?.length && !el.getAttribute("aria-label") && !el.textContent?.trim(),
        ).length`,
      );
      expect(unnamed).toBe(0);
    }, 60_000);

    it("ran without a script error or a CSP violation", () => {
      expect(problems).toEqual([]);
    });

    it("refuses a fresh browser without a login, with the explanation", async () => {
      const fresh = await aBrowser();
      try {
        const other = await fresh.context.newPage();
        const res = await other.goto(`${server.url}/supervisor`);
        expect(res?.status()).toBe(401);
        await expect(
          other.getByText("You are not signed in to the supervisor dashboard").count(),
        ).resolves.toBe(1);
        await expect(
          other.locator("code", { hasText: "fairexit agent-link --next /supervisor" }).count(),
        ).resolves.toBe(1);
        const api = await other.evaluate<number>(`fetch("/api/supervisor/report").then((r) => r.status)`);
        expect(api).toBe(401);
      } finally {
        await fresh.close();
      }
    }, 60_000);
  },
);
