/**
 * The agent console's access: no anonymous access, a one-time login link that expires, an
 * HttpOnly SameSite=Strict session cookie, and console actions only from the console's own
 * origin (CSRF).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryOneTimeTokens } from "../../../src/adapters/memory/memoryOneTimeTokens.js";
import { AgentLogins, LOGIN_TOKEN_SECONDS } from "../../../src/http/agentLogin.js";
import { type AssistServer, anAssistServer, type Json } from "./assistServer.js";

let server: AssistServer;
beforeAll(async () => {
  server = await anAssistServer();
});
afterAll(() => server.close());

async function signIn(): Promise<string> {
  const res = await fetch(server.loginLink(), { redirect: "manual" });
  expect(res.status).toBe(303);
  expect(res.headers.get("location")).toBe("/agent");
  const cookie = res.headers.get("set-cookie")!;
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(";")[0]!;
}

describe("the console login", () => {
  it("refuses the console and its data without a login (401), and says how to sign in", async () => {
    const page = await fetch(`${server.url}/agent`);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain("fairexit agent-link");
    expect((await fetch(`${server.url}/api/assist/sessions`)).status).toBe(401);
    expect((await fetch(`${server.url}/agent/demo-calls`)).status).toBe(401);
  });

  it("lets a login link in once, with its security headers", async () => {
    const link = server.loginLink();
    const first = await fetch(link, { redirect: "manual" });
    expect(first.status).toBe(303);
    const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
    const page = await fetch(`${server.url}/agent`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(await page.text()).toContain("FairExit agent assist");
    const again = await fetch(link, { redirect: "manual" });
    expect(again.status).toBe(401);
    expect(again.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a forged token and a forged cookie", async () => {
    const forged = new AgentLogins("some-other-secret-entirely-0123456789").issueLoginToken(Date.now());
    expect((await fetch(`${server.url}/agent/login?token=${forged}`, { redirect: "manual" })).status).toBe(
      401,
    );
    const cookie = (await signIn()).replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await fetch(`${server.url}/agent`, { headers: { cookie } })).status).toBe(401);
  });

  it("expires a link after 15 minutes", async () => {
    const logins = new AgentLogins("a-secret-for-this-test-0123456789", new MemoryOneTimeTokens());
    const now = Date.parse("2026-11-23T10:00:00Z");
    const token = logins.issueLoginToken(now);
    expect(await logins.redeem(token, now + LOGIN_TOKEN_SECONDS * 1000 + 1000)).toBeUndefined();
    expect(await logins.redeem(token, now + 60_000)).toBeDefined();
  });
});

describe("console actions", () => {
  it("reads with the cookie, and acts only from its own origin", async () => {
    const cookie = await signIn();
    expect((await fetch(`${server.url}/api/assist/sessions`, { headers: { cookie } })).status).toBe(200);
    const event = JSON.stringify({
      sessionId: "console-1",
      customerId: "cust-uk-locked-handset",
      speaker: "customer",
      text: "I want to leave.",
      at: "2026-11-23T10:00:00Z",
    });
    const post = (origin?: string) =>
      fetch(`${server.url}/api/assist/events`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", ...(origin ? { origin } : {}) },
        body: event,
      });
    expect((await post()).status).toBe(403);
    expect((await post("http://evil.example")).status).toBe(403);
    expect((await fetch(`${server.url}/api/assist/sessions/console-1`, { headers: { cookie } })).status).toBe(
      404,
    );
    expect((await post(server.url)).status).toBe(200);
    const view = (await (
      await fetch(`${server.url}/api/assist/sessions/console-1`, { headers: { cookie } })
    ).json()) as Json;
    const unlock = view.checklist.find((c: Json) => c.topic === "device_unlock");
    const tick = await fetch(`${server.url}/api/assist/sessions/console-1/tick`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ obligationId: unlock.obligationId }),
    });
    const ticked = ((await tick.json()) as Json).checklist.find(
      (c: Json) => c.obligationId === unlock.obligationId,
    );
    expect(ticked.dischargedBy).toMatchObject({
      kind: "hand",
      agent: expect.stringMatching(/^console:.{8}$/),
    });
  });

  it("lists the demo calls for a signed-in agent", async () => {
    const cookie = await signIn();
    const { calls } = (await (
      await fetch(`${server.url}/agent/demo-calls`, { headers: { cookie } })
    ).json()) as Json;
    expect(calls.map((c: Json) => c.customerId)).toEqual(
      expect.arrayContaining([
        "cust-uk-locked-handset",
        "cust-se-moving",
        "cust-uk-paytv-outages",
        "cust-uk-price-rise",
      ]),
    );
  });
});
