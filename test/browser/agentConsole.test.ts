/**
 * The agent console in a real browser: refused without login, signed in with the one-time link
 * from the start banner, a demo call replayed from the page through the API, and the agent
 * sees a checklist item tick on their own words, an alert appear (announced to screen readers),
 * and can tick an item by hand with the keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AssistServer, anAssistServer } from "../assist/http/assistServer.js";
import { aBrowser, browserRequired, chromiumMissing } from "./chromium.js";

if (chromiumMissing && !browserRequired) console.warn(`browser tests skipped: ${chromiumMissing}`);

describe.skipIf(chromiumMissing !== undefined && !browserRequired)("the agent console in Chromium", () => {
  let server: AssistServer;
  let browser: Awaited<ReturnType<typeof aBrowser>>;
  beforeAll(async () => {
    if (chromiumMissing) throw new Error(`the browser suite must run under CI: ${chromiumMissing}`);
    server = await anAssistServer();
    browser = await aBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("refuses the console without a login", async () => {
    const page = await browser.context.newPage();
    const res = await page.goto(`${server.url}/agent`);
    expect(res?.status()).toBe(401);
    await expect(page.getByText("You are not signed in").count()).resolves.toBe(1);
    await page.close();
  }, 60_000);

  it("logs in with the link, replays a demo call, and shows the checklist tick and an alert", async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(server.loginLink());
    expect(new URL(page.url()).pathname).toBe("/agent");
    await page.goto(`${server.url}/agent?replayDelayMs=100`);
    await page.getByText("Live", { exact: true }).waitFor({ timeout: 15_000 });

    await page.getByLabel("Demo call").selectOption("locked-handset");
    await page.getByRole("button", { name: "Replay demo call" }).click();

    const porting = page.locator('li.discharged[data-obligation^="porting-code"]');
    await porting.waitFor({ timeout: 20_000 });
    await expect(porting.innerText()).resolves.toContain("said on the call");

    const alert = page.locator(".alert:not(.dismissed)").first();
    await alert.waitFor({ timeout: 20_000 });
    await expect(alert.innerText()).resolves.toMatch(/Violation: Confirms the cancellation/);
    await page
      .locator("#announcer", { hasText: /New alert on demo-locked-handset/ })
      .waitFor({ timeout: 15_000 });

    // the agent's later words discharge the unlock too
    await page.locator('li.discharged[data-obligation^="device-unlock"]').waitFor({ timeout: 20_000 });

    // a hand tick, by keyboard
    const mandate = page.getByRole("button", { name: "Mark disclosed: payment mandate" });
    await mandate.focus();
    await page.keyboard.press("Enter");
    const ticked = page.locator('li.discharged[data-obligation^="payment-mandate"]');
    await ticked.waitFor({ timeout: 15_000 });
    await expect(ticked.innerText()).resolves.toMatch(/ticked by hand \(console:.{8}\)/);

    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("is keyboard-usable: a skip link first, and every control has a name", async () => {
    const page = await browser.context.newPage();
    await page.goto(server.loginLink());
    await page.keyboard.press("Tab");
    expect(await page.evaluate<string>("document.activeElement?.textContent?.trim()")).toBe(
      "Skip to the current call",
    );
    const unnamed = await page.evaluate<number>(
      `[...document.querySelectorAll("button, select, input, textarea")].filter(
        (el) => !el.labels?.length && !el.getAttribute("aria-label") && !el.textContent?.trim(),
      ).length`,
    );
    expect(unnamed).toBe(0);
    await page.close();
  }, 60_000);
});
