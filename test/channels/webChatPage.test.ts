/**
 * The page at / and its assets over plain HTTP (the browser suite drives them in Chromium):
 * Web Chat comes from the installed botframework-webchat package, compressed when asked, and
 * the page says it is a bot under a strict Content-Security-Policy.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webChatBundlePath } from "../../src/http/webChatRoutes.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";

let server: RunningFairExit;
beforeAll(async () => {
  server = await aFairExitServer();
});
afterAll(async () => server.close());

describe("the Web Chat page", () => {
  it("says it is a bot, offers a person, and allows scripts from its own origin only", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain("automated assistant (a bot)");
    expect(html).toContain("Talk to a person");
    expect(html).toContain('<script src="/webchat/webchat.js">');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[^"']*\.js/); // no CDN
  });

  it("serves Microsoft's Web Chat bundle from the npm package, gzip-compressed when asked", async () => {
    const original = readFileSync(webChatBundlePath());
    const zipped = await fetch(`${server.url}/webchat/webchat.js`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(zipped.status).toBe(200);
    // fetch decompresses transparently; the header shows what travelled
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(Buffer.from(await zipped.arrayBuffer()).equals(original)).toBe(true);
    const plain = await fetch(`${server.url}/webchat/webchat.js`, {
      headers: { "accept-encoding": "identity" },
    });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(Number(plain.headers.get("content-length"))).toBe(original.length);
  });
});
