/**
 * The secret that signs Direct Line tokens is never a value anyone can read in the source:
 * without FAIREXIT_SECRET each data folder gets a random one at first start (kept, so tokens
 * survive a restart), and production refuses to start without a strong FAIREXIT_SECRET. On the
 * real process, as a deployment runs it.
 */
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  DirectLineTokens,
  newConversationId,
  newUserId,
} from "../../src/channels/directLine/directLineToken.js";
import { DirectLineClient } from "../support/directLineClient.js";
import { runFairexit, startFairexit } from "../support/runFairexit.js";

/** The constant FairExit once fell back to when FAIREXIT_SECRET was unset: public, in its source. */
const PUBLISHED = "fairexit-development-secret-do-not-use";
const SITE_SECRET = "the-website-backend-shares-this-secret-0123456789";

let dir: string;
let stop: (() => Promise<unknown>) | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-secret-"));
});
afterEach(async () => {
  await stop?.();
  stop = undefined;
  await rm(dir, { recursive: true, force: true });
});

const env = (extra: Record<string, string> = {}) => ({
  PORT: "0",
  HOST: "127.0.0.1",
  LOG_LEVEL: "warn",
  FAIREXIT_DATA_DIR: dir,
  FAIREXIT_SECRET: "",
  FAIREXIT_AUDIT_KEY: "",
  NODE_ENV: "",
  ...extra,
});

async function aServer(extra: Record<string, string> = {}) {
  const server = await startFairexit(env(extra));
  stop = async () => {
    server.child.kill("SIGTERM");
    await server.exited;
  };
  return server;
}

const startConversation = (baseUrl: string, token: string) =>
  fetch(`${baseUrl}/v3/directline/conversations`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
  });

describe("without FAIREXIT_SECRET", () => {
  it("refuses a token forged with the published development string, also one bound to a customer", async () => {
    const server = await aServer({ FAIREXIT_DIRECTLINE_SECRET: SITE_SECRET });
    const forger = new DirectLineTokens(PUBLISHED);
    const grant = { conversationId: newConversationId(), userId: newUserId() };
    const asPriya = forger.issue({ ...grant, customerId: "cust-uk-locked-handset" }, Date.now()).token;
    const res = await startConversation(server.baseUrl, asPriya);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain("Priya");
    const anonymous = forger.issue(grant, Date.now()).token;
    expect((await startConversation(server.baseUrl, anonymous)).status).toBe(401);
    expect(server.output()).toContain(
      "FAIREXIT_SECRET is not set: using the random secret kept in the data folder",
    );
  });

  it("keeps one random secret per data folder (mode 0600), so tokens survive a restart", async () => {
    const first = await aServer();
    const issued = await fetch(`${first.baseUrl}/api/webchat/token`, { method: "POST" });
    const { token } = (await issued.json()) as { token: string };
    expect((await startConversation(first.baseUrl, token)).status).toBe(201);
    const secret = await readFile(join(dir, "secret"), "utf8");
    expect(secret.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await stat(join(dir, "secret"))).mode & 0o777).toBe(0o600);
    await stop?.();

    const second = await aServer();
    expect(await readFile(join(dir, "secret"), "utf8")).toBe(secret);
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as {
      c: string;
      u: string;
    };
    const chat = new DirectLineClient(second.baseUrl, {
      conversationId: claims.c,
      userId: claims.u,
      token,
      expires_in: 1800,
    });
    const replies = await chat.says("UK318826");
    expect(replies.map((a) => a.text).join("\n")).toContain("postcode");
  });

  it("draws a different secret for another data folder", async () => {
    await aServer();
    await stop?.();
    const one = await readFile(join(dir, "secret"), "utf8");
    await rm(dir, { recursive: true, force: true });
    await aServer();
    expect(await readFile(join(dir, "secret"), "utf8")).not.toBe(one);
  });
});

describe("with NODE_ENV=production", () => {
  it("refuses to start without FAIREXIT_SECRET, naming the variable", async () => {
    const r = await runFairexit(["start"], env({ NODE_ENV: "production" }));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      "fairexit: FAIREXIT_SECRET: required when NODE_ENV=production (at least 32 random characters, e.g. openssl rand -base64 32)",
    );
  });

  it("refuses the published development value and a weak secret", async () => {
    const published = await runFairexit(
      ["start"],
      env({ NODE_ENV: "production", FAIREXIT_SECRET: PUBLISHED }),
    );
    expect(published.code).toBe(1);
    expect(published.stderr).toContain("FAIREXIT_SECRET: is the published development value");
    const weak = await runFairexit(
      ["start"],
      env({ NODE_ENV: "production", FAIREXIT_SECRET: "a".repeat(40) }),
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("FAIREXIT_SECRET: too weak for NODE_ENV=production");
  });

  it("starts with a strong FAIREXIT_SECRET and writes no secret into the data folder", async () => {
    const server = await aServer({
      NODE_ENV: "production",
      FAIREXIT_SECRET: "Xq3v9LmT2pR8sK4wN7yB1cF6hJ0dG5aZ",
    });
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    await expect(stat(join(dir, "secret"))).rejects.toThrow();
  });
});
