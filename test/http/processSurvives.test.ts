/**
 * The real `fairexit start` process under hostile requests: it keeps answering /healthz (a
 * 15-byte gzip request used to end it), and nothing it prints ever holds a caller's
 * `Authorization: Bearer` token (restify's own error log printed whole requests).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DirectLineSession } from "../support/directLineClient.js";
import { startFairexit } from "../support/runFairexit.js";
import { HostileTally } from "./rawHttp.js";

let server: Awaited<ReturnType<typeof startFairexit>>;
let tally: HostileTally;
beforeAll(async () => {
  server = await startFairexit({
    PORT: "0",
    HOST: "127.0.0.1",
    FAIREXIT_STORE: "memory",
    LOG_LEVEL: "trace",
    FAIREXIT_SECRET: "process-test-secret-0123456789",
  });
  tally = new HostileTally(server.baseUrl);
});
afterAll(async () => {
  console.info(`real process: ${tally.tried} hostile requests, ${tally.crashes} crashes`);
  server.child.kill("SIGTERM");
  await server.exited;
});

describe("the running process", () => {
  it("answers a 15-byte gzip request with 400 and keeps serving /healthz", async () => {
    const headers = { "content-type": "application/json", "content-encoding": "gzip" };
    const posted = await tally.send({ path: "/api/messages", headers, body: "x" });
    expect(posted.status).toBe(400);
    const get = await tally.send({ method: "GET", path: "/healthz", headers, body: "x" });
    expect(get.status).toBe(200);
    expect(tally.crashes).toBe(0);
    expect(server.child.exitCode).toBeNull();
  });

  it("never prints a caller's bearer token, even when a request fails", async () => {
    const res = await fetch(`${server.baseUrl}/api/webchat/token`, { method: "POST" });
    const session = (await res.json()) as DirectLineSession;
    const auth = { authorization: `Bearer ${session.token}`, "content-type": "application/json" };
    const base = `/v3/directline/conversations/${session.conversationId}`;
    await tally.send({ path: `${base}/activities`, headers: auth, body: "{}" });
    const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    await tally.send({
      path: `${base}/activities`,
      headers: auth,
      body: `{"type":"message","value":${deep}}`,
    });
    await tally.send({ method: "GET", path: `${base}/activities`, headers: auth });
    await tally.send({ method: "GET", path: "/readyz", headers: auth });
    await tally.send({ path: "/api/messages", headers: auth, body: "{not json" });
    await tally.send({ path: "/api/messages", headers: auth, body: JSON.stringify({ type: "message" }) });
    await tally.send({ method: "DELETE", path: `${base}/activities`, headers: auth });
    await tally.send({
      path: `${base}/activities`,
      headers: { ...auth, "content-encoding": "gzip" },
      body: "x",
    });
    await new Promise((r) => setTimeout(r, 200)); // let the logger flush
    const signature = session.token.split(".")[2]!;
    expect(server.output()).not.toContain(signature);
    expect(tally.crashes).toBe(0);
  });
});
