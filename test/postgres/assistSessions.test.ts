/**
 * Agent assist on PostgreSQL: the session store keeps the AssistSessionStore contract, and two
 * FairExit instances (two real Apps) on one database share the sessions: an utterance heard by
 * instance A reaches instance B's view and B's subscribers (console SSE, Slack, Teams) through
 * LISTEN/NOTIFY, whose payload carries the session id and version only.
 */
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PgAssistSessions } from "../../src/adapters/postgres/pgAssistSessions.js";
import { type App, createApp } from "../../src/app.js";
import type { AssistView } from "../../src/assist/view.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { aSession, sessionStoreContract } from "../assist/engine/sessionStoreContract.js";
import {
  aTestDatabaseForThisFile,
  createTestDatabase,
  describePostgres,
  openTestStore,
} from "../support/postgres.js";
import { repoRoot } from "../support/runFairexit.js";

if ((await import("../support/postgres.js")).postgres.available)
  sessionStoreContract("postgres", async () => {
    const t = await createTestDatabase();
    const store = await openTestStore(t.url);
    return {
      store: new PgAssistSessions(store.db),
      async cleanup() {
        await store.close();
        await t.drop();
      },
    };
  });

const database = aTestDatabaseForThisFile();

describePostgres("the PostgreSQL assist session store", () => {
  it("refuses a save that does not raise the version (another instance saved first), keeping the newer one", async () => {
    const store = await openTestStore((await database()).url);
    try {
      const sessions = new PgAssistSessions(store.db);
      await sessions.put({ ...aSession("s-race"), version: 4 });
      const stale = { ...aSession("s-race"), version: 4, agents: ["agent-9"] };
      await expect(sessions.put(stale)).rejects.toMatchObject({
        name: "StoreError",
        code: "conflict",
        message: expect.stringMatching(/version 4 was saved already/),
      });
      await expect(sessions.put({ ...aSession("s-race"), version: 3 })).rejects.toMatchObject({
        code: "conflict",
      });
      expect((await sessions.get("s-race"))?.agents).toEqual(["agent-7"]);
      await sessions.put({ ...aSession("s-race"), version: 5, agents: ["agent-9"] });
      expect((await sessions.get("s-race"))?.agents).toEqual(["agent-9"]);
      await sessions.delete("s-race");
    } finally {
      await store.close();
    }
  });
});
const SECRET = "test-secret-shared-by-both-instances-0123";

/** The first view of `sessionId` a subscriber of `app` is told of that satisfies `wanted`, within 5 s. */
function nextView(app: App, sessionId: string, wanted: (v: AssistView) => boolean): Promise<AssistView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no view of ${sessionId} reached the subscriber within 5 s`));
    }, 5000);
    const unsubscribe = app.assist.subscribe((v) => {
      if (v.sessionId !== sessionId || !wanted(v)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(v);
    });
  });
}

describePostgres("assist sessions shared by two instances", () => {
  let a: App;
  let b: App;
  let payloads: string[];
  let watcher: pg.Client;
  beforeAll(async () => {
    const url = (await database()).url;
    const clock = new ManualClock("2026-11-23T10:00:00Z");
    const config = loadConfig({ DATABASE_URL: url, FAIREXIT_SECRET: SECRET, LOG_LEVEL: "silent" }, repoRoot);
    [a, b] = await Promise.all([createApp(config, { clock }), createApp(config, { clock })]);
    payloads = [];
    watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
    watcher.on("notification", (m) => payloads.push(m.payload ?? ""));
    await watcher.query("LISTEN fairexit_assist");
  });
  afterAll(async () => {
    await watcher?.end();
    await Promise.all([a?.close(), b?.close()]);
  });

  it("shows B what A heard, in B's view and to B's subscribers, and A what B did", async () => {
    const text = "I'll cancel that now, your number UK318826 goes today.";
    const seenByB = nextView(b, "call-shared-1", (v) => v.transcript.some((u) => u.text === text));
    const heard = await a.assist.hear({
      sessionId: "call-shared-1",
      utteranceId: "u1",
      customerId: "cust-uk-locked-handset",
      speaker: "agent",
      text,
      at: "2026-11-23T10:00:00Z",
      final: true,
      source: "events",
    });
    const atB = await seenByB;
    expect(atB.version).toBe(heard.version);
    expect(atB.checklist).toEqual(heard.checklist);
    expect(b.assist.view("call-shared-1")).toEqual(atB);
    expect(b.assist.list().map((s) => s.sessionId)).toContain("call-shared-1");

    // B acts on the session (it reads the latest version from the database); A sees it.
    const seenByA = nextView(a, "call-shared-1", (v) => v.status === "ended");
    const ended = await b.assist.end("call-shared-1", { id: "agent-7", via: "console" });
    expect(ended.version).toBeGreaterThan(heard.version);
    expect((await seenByA).version).toBe(ended.version);
    expect(a.assist.view("call-shared-1")?.status).toBe("ended");

    // What went over the channel: the session id and the version, nothing the customer said.
    expect(payloads.length).toBeGreaterThan(0);
    for (const p of payloads) expect(Object.keys(JSON.parse(p)).sort()).toEqual(["sessionId", "version"]);
    expect(payloads.join(" ")).not.toContain("UK318826");
  });
});
