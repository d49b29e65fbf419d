/**
 * Two FairExit instances behind one load balancer, sharing PostgreSQL: a console login link
 * works once across both (a link used on A, or leaked and replayed against B, is refused), and a
 * rate limit of N a minute holds for both together once they have synced (N + 1 requests split
 * between them: exactly one 429 with Retry-After), at a statement per sync, not per request. With
 * PostgreSQL away, the login answers 503 (never a login, never a crash) while the limited routes
 * that do not need the store go on, limited per instance, their syncs failing quietly.
 *
 * The instances sync only when a test says so (`rateBuckets.sync()`), not every 250 ms, so what
 * each instance knows between two requests does not depend on timing.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { databaseOf } from "../../src/adapters/postgres/pgStore.js";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { Logger } from "../../src/domain/logger.js";
import { type RunningServer, startServer } from "../../src/http/server.js";
import { aTestDatabaseForThisFile, describePostgres } from "../support/postgres.js";
import { repoRoot } from "../support/runFairexit.js";
import { aTcpProxy, type TcpProxy } from "./tcpProxy.js";

const TOKENS_PER_CLIENT = 3;
const database = aTestDatabaseForThisFile();

const configFor = (url: string) =>
  loadConfig(
    {
      DATABASE_URL: url,
      FAIREXIT_SECRET: "test-secret-shared-by-both-login-instances-0",
      FAIREXIT_RATE_LIMIT_TOKENS_PER_CLIENT: String(TOKENS_PER_CLIENT),
      FAIREXIT_TRUST_PROXY: "true",
      LOG_LEVEL: "silent",
      HOST: "127.0.0.1",
      PORT: "0",
    },
    repoRoot,
  );

const login = (link: string) => fetch(link, { redirect: "manual" });
/** A Web Chat token for the client at `address` (each test its own, behind a trusted proxy). */
const mintToken = (base: string, address: string) =>
  fetch(`${base}/api/webchat/token`, { method: "POST", headers: { "x-forwarded-for": address } });

/** Every instance syncs twice, in turn: each has sent what it took and read what the others took. */
async function synced(apps: App[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const app of apps) await app.rateBuckets.sync();
}

/** Counts the statements on `app`'s pool that touch the rate buckets, until `stop`. */
function countRateLimitStatements(app: App) {
  const pool = databaseOf(app.store)!.pool as unknown as { query: (...args: unknown[]) => unknown };
  const query = pool.query;
  const counter = {
    count: 0,
    stop: () => {
      pool.query = query;
    },
  };
  pool.query = (...args: unknown[]) => {
    const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    if (text?.includes("rate_buckets")) counter.count += 1;
    return query.apply(pool, args);
  };
  return counter;
}

/** A logger that keeps the messages of warnings and errors. */
function aRecordingLogger(lines: string[]): Logger {
  const logger: Logger = {
    fatal: (_o, msg) => lines.push(`fatal ${msg}`),
    error: (_o, msg) => lines.push(`error ${msg}`),
    warn: (_o, msg) => lines.push(`warn ${msg}`),
    info() {},
    debug() {},
    child: () => logger,
  };
  return logger;
}

describePostgres("two instances sharing PostgreSQL", () => {
  const instances: { app: App; running: RunningServer }[] = [];
  beforeAll(async () => {
    const { url } = await database();
    for (let i = 0; i < 2; i++) {
      const app = await createApp(configFor(url), { rateLimitSyncMs: 0 });
      instances.push({ app, running: await startServer(app) });
    }
  });
  afterAll(async () => {
    for (const { app, running } of instances) {
      await running.close();
      await app.close();
    }
  });

  it("lets a login link in once: redeemed on A, refused on B, and the other way round", async () => {
    const [a, b] = instances.map((x) => x.running) as [RunningServer, RunningServer];
    const first = a.agentLoginLink();
    expect((await login(first)).status).toBe(303);
    const replayed = await login(first.replace(a.url, b.url));
    expect(replayed.status).toBe(401);
    expect(replayed.headers.get("set-cookie")).toBeNull();

    const second = a.agentLoginLink();
    const onB = await login(second.replace(a.url, b.url));
    expect(onB.status).toBe(303);
    const cookie = onB.headers.get("set-cookie")!.split(";")[0]!;
    expect((await fetch(`${a.url}/agent`, { headers: { cookie } })).status).toBe(200);
    expect((await login(second)).status).toBe(401);
  });

  it("lets exactly one of a burst of one link's redemptions on both instances in", async () => {
    const [a, b] = instances.map((x) => x.running) as [RunningServer, RunningServer];
    const link = a.agentLoginLink();
    const statuses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(i % 2 === 0 ? link : link.replace(a.url, b.url))),
    ).then((all) => all.map((r) => r.status));
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(9);
  });

  it("holds N tokens a minute per client over both instances together: exactly one 429", async () => {
    const [a, b] = instances.map((x) => x.running.url) as [string, string];
    const answers = [];
    for (let i = 0; i <= TOKENS_PER_CLIENT; i++) {
      answers.push(await mintToken(i % 2 === 0 ? a : b, "198.51.100.10"));
      await synced(instances.map((x) => x.app));
    }
    const refused = answers.filter((r) => r.status === 429);
    expect(answers.map((r) => r.status).filter((s) => s === 200)).toHaveLength(TOKENS_PER_CLIENT);
    expect(refused).toHaveLength(1);
    expect(Number(refused[0]!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("syncs 200 requests within one interval in one statement per instance, then both refuse", async () => {
    const apps = instances.map((x) => x.app);
    const [a, b] = instances.map((x) => x.running.url) as [string, string];
    const counters = apps.map(countRateLimitStatements);
    try {
      const statuses = [];
      for (let i = 0; i < 200; i++)
        statuses.push((await mintToken(i % 2 === 0 ? a : b, "198.51.100.20")).status);
      expect(counters.map((c) => c.count)).toEqual([0, 0]);
      // each instance decided alone within the interval: N from its own bucket at most
      const allowed = statuses.filter((s) => s === 200).length;
      expect(allowed).toBeGreaterThanOrEqual(TOKENS_PER_CLIENT);
      expect(allowed).toBeLessThanOrEqual(2 * TOKENS_PER_CLIENT);
      for (const app of apps) await app.rateBuckets.sync();
      expect(counters.map((c) => c.count)).toEqual([1, 1]);
    } finally {
      for (const c of counters) c.stop();
    }
    await synced(apps);
    for (const url of [a, b]) expect((await mintToken(url, "198.51.100.20")).status).toBe(429);
  });
});

describePostgres("PostgreSQL away under a running instance", () => {
  let proxy: TcpProxy;
  let app: App;
  let running: RunningServer;
  const logged: string[] = [];
  beforeAll(async () => {
    proxy = await aTcpProxy((await database()).url);
    // syncing in the background, often: failures must stay inside the limiter
    app = await createApp(configFor(proxy.url), { logger: aRecordingLogger(logged), rateLimitSyncMs: 10 });
    running = await startServer(app);
  });
  afterAll(async () => {
    await running?.close();
    await app?.close();
    await proxy?.stop();
  });

  it("answers a login 503 with Retry-After, lets the same link in once it is back", async () => {
    const link = running.agentLoginLink();
    await proxy.stop();
    const away = await login(link);
    expect(away.status).toBe(503);
    expect(away.headers.get("retry-after")).toBe("5");
    expect(away.headers.get("set-cookie")).toBeNull();
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);

    await proxy.start();
    let back = await login(link);
    for (let attempt = 0; attempt < 5 && back.status === 503; attempt++) back = await login(link);
    expect(back.status).toBe(303);
    expect((await login(link)).status).toBe(401);
  });

  it("keeps limiting in this instance's memory while it is away, its syncs failing quietly", async () => {
    const unhandled: unknown[] = [];
    const keep = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", keep);
    await proxy.stop();
    try {
      const statuses = [];
      for (let i = 0; i <= TOKENS_PER_CLIENT; i++) {
        statuses.push((await mintToken(running.url, "198.51.100.30")).status);
        await app.rateBuckets.sync();
      }
      expect(statuses).toEqual([...Array(TOKENS_PER_CLIENT).fill(200), 429]);
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    } finally {
      await proxy.start();
      process.off("unhandledRejection", keep);
    }
    expect(unhandled).toEqual([]);
    // several failed syncs, one warning (at most one a minute), no error
    const about = logged.filter((line) => line.includes("rate limits"));
    expect(about).toHaveLength(1);
    expect(about[0]).toMatch(/^warn rate limits: PostgreSQL unreachable/);
  });
});
