/**
 * A customer cancels in a real browser: the page at / loads Microsoft's Web Chat from the
 * botframework-webchat package, talks to FairExit's own Direct Line endpoint, and the
 * customer types, presses the card buttons and gets the receipt.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";
import { aBrowser, browserRequired, chromiumMissing } from "./chromium.js";

if (chromiumMissing && !browserRequired) console.warn(`browser tests skipped: ${chromiumMissing}`);

describe.skipIf(chromiumMissing !== undefined && !browserRequired)("Web Chat in Chromium", () => {
  let server: RunningFairExit;
  let browser: Awaited<ReturnType<typeof aBrowser>>;
  beforeAll(async () => {
    if (chromiumMissing) throw new Error(`the browser suite must run under CI: ${chromiumMissing}`);
    server = await aFairExitServer();
    browser = await aBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const openChat = async () => {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${server.url}/`);
    await page.getByText("a bot, not a person").first().waitFor({ timeout: 20_000 });
    return { page, problems };
  };

  it("says plainly it is a bot, offers a person at all times, and labels the chat", async () => {
    const { page } = await openChat();
    await expect(page.locator("#bot-notice").innerText()).resolves.toContain("automated assistant (a bot)");
    const person = page.getByRole("button", { name: "Talk to a person" }).first();
    await expect(person.isVisible()).resolves.toBe(true);
    await expect(page.getByRole("region", { name: /automated assistant/ }).count()).resolves.toBe(1);
    const focused = () => page.evaluate<string | undefined>("document.activeElement?.textContent?.trim()");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("Skip to the chat");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("Talk to a person");
    await expect(page.getByRole("textbox").first().getAttribute("aria-label")).resolves.toBeTruthy();
    await page.close();
  }, 60_000);

  it("lets a customer cancel end to end and shows the receipt", async () => {
    const { page, problems } = await openChat();
    const input = page.getByRole("textbox").first();
    const send = async (text: string, answer: string | RegExp) => {
      await input.fill(text);
      await input.press("Enter");
      await page.getByText(answer).last().waitFor({ timeout: 15_000 });
    };
    await send("I want to cancel", "what is your account number");
    await send("UK481207", "postcode on the account");
    await send("LS6 3HN", "why you're leaving");
    await send("you put the price up", /Any questions about this/);
    await send("continue", /Shall I go ahead and cancel\?|One optional offer/);
    if (await page.getByRole("button", { name: "No thanks, cancel" }).count()) {
      await page.getByRole("button", { name: "No thanks, cancel" }).last().click();
      await page
        .getByText(/Shall I go ahead and cancel\?/)
        .last()
        .waitFor({ timeout: 15_000 });
    }
    await page.getByRole("button", { name: "Confirm cancellation" }).last().click();
    await page
      .getByText(/Cancellation confirmed\. Your reference is FX-/)
      .first()
      .waitFor({ timeout: 15_000 });
    await expect(page.getByText("Cancellation receipt").count()).resolves.toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("hands over to a person from the button above the chat", async () => {
    const { page } = await openChat();
    await page.getByRole("button", { name: "Talk to a person" }).first().click();
    await page
      .getByText(/passing you to a person/)
      .first()
      .waitFor({ timeout: 15_000 });
    await page.close();
  }, 60_000);
});
