/**
 * PostgreSQL restarting under a running FairExit, seen from HTTP: while it is away a request is
 * answered 503 with Retry-After (never a 500), /readyz says the database is not ready, and when
 * it is back the same process answers again, without a restart. A loopback proxy in front of the
 * real server plays the restart (refused connections, open ones cut).
 */
import restify from "restify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/domain/logger.js";
import { StoreError } from "../../src/domain/ports.js";
import { handleInternalErrors } from "../../src/http/internalErrors.js";
import { type RunningServer, startServer } from "../../src/http/server.js";
import { DirectLineClient } from "../support/directLineClient.js";
import { aTestDatabaseForThisFile, describePostgres } from "../support/postgres.js";
import { repoRoot } from "../support/runFairexit.js";
import { aTcpProxy, type TcpProxy } from "./tcpProxy.js";

const ADMIN_TOKEN = "admin-token-for-the-unavailable-tests-0000";

it("answers a conflict that survived its retries with 503 and Retry-After: 1, not a 500", async () => {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  handleInternalErrors(server, silentLogger);
  server.get("/race", async () => {
    throw new StoreError("conflict", "conversation c-1: another writer got there first (40001); try again");
  });
  server.get("/bug", async () => {
    throw new Error("a bug");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const race = await fetch(`${base}/race`);
    expect(race.status).toBe(503);
    expect(race.headers.get("retry-after")).toBe("1");
    const body = (await race.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("ServiceUnavailable");
    expect(body.error.message).not.toContain("40001");
    const bug = await fetch(`${base}/bug`);
    expect(bug.status).toBe(500);
    expect(bug.headers.get("retry-after")).toBeNull();
  } finally {
    server.close();
  }
});

const database = aTestDatabaseForThisFile();

describePostgres("PostgreSQL restarting under a running FairExit, over HTTP", () => {
  let proxy: TcpProxy;
  let app: App;
  let running: RunningServer;
  beforeAll(async () => {
    proxy = await aTcpProxy((await database()).url);
    const config = loadConfig(
      {
        DATABASE_URL: proxy.url,
        FAIREXIT_SECRET: "test-secret-for-the-unavailable-tests",
        FAIREXIT_ADMIN_TOKEN: ADMIN_TOKEN,
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        FAIREXIT_CLOCK_START: "2026-11-23T10:00:00Z",
      },
      repoRoot,
    );
    app = await createApp(config);
    running = await startServer(app);
  });
  afterAll(async () => {
    await running?.close();
    await app?.close();
    await proxy?.stop();
  });

  const readiness = async () => {
    const res = await fetch(`${running.url}/readyz`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const body = (await res.json()) as {
      ready: boolean;
      checks: { name: string; ok: boolean; detail?: string }[];
    };
    return {
      status: res.status,
      ready: body.ready,
      database: body.checks.find((c) => c.name === "database"),
    };
  };

  it("answers 503 with Retry-After while it is away, reports it in /readyz, and recovers by itself", async () => {
    const customer = await DirectLineClient.anonymous(running.url);
    await customer.start();
    expect((await customer.says("I want to cancel")).length).toBeGreaterThan(0);
    expect(await readiness()).toMatchObject({ status: 200, ready: true, database: { ok: true } });

    await proxy.stop();
    const refused = await customer.request(
      "POST",
      `/conversations/${customer.session.conversationId}/activities`,
      {
        type: "message",
        text: "UK318826",
        from: { id: customer.session.userId },
      },
    );
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    const body = (await refused.json()) as {
      error: { code: string; message: string; correlationId: string };
    };
    expect(body.error).toMatchObject({ code: "ServiceUnavailable" });
    expect(body.error.message).not.toMatch(/postgres|127\.0\.0\.1/i);
    const down = await readiness();
    expect(down).toMatchObject({ status: 503, ready: false, database: { ok: false } });
    const publicReady = await fetch(`${running.url}/readyz`);
    expect(publicReady.status).toBe(503);

    await proxy.start();
    // The pool drops the connections that were cut and opens new ones: no restart of FairExit.
    let replies: Awaited<ReturnType<DirectLineClient["says"]>> = [];
    for (let attempt = 0; attempt < 5 && replies.length === 0; attempt++) {
      replies = await customer.says("UK318826").catch(() => []);
    }
    expect(replies.map((a) => a.text).join(" ")).toMatch(/postcode/i);
    expect(await readiness()).toMatchObject({ status: 200, ready: true, database: { ok: true } });
  });
});
