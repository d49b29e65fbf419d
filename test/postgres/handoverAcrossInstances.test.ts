/**
 * A hand-over taken by one instance reaches the agents on every instance: the customer's turn
 * lands on A, A records the hand-over once and opens its assist session with the conversation,
 * and an agent whose console (or Slack, or Teams) is served by B is shown that session, told of
 * it as it happens, with the whole conversation; B records no second hand-over.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { databaseOf } from "../../src/adapters/postgres/pgStore.js";
import { type App, createApp } from "../../src/app.js";
import type { AssistView } from "../../src/assist/view.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { createTestDatabase, describePostgres, type TestDatabase } from "../support/postgres.js";
import { repoRoot } from "../support/runFairexit.js";

const SECRET = "test-secret-shared-by-both-instances-0123";

/** The first view of `sessionId` a subscriber of `app` is told of, within 5 s. */
function firstView(app: App, sessionId: string): Promise<AssistView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no view of ${sessionId} reached the other instance within 5 s`));
    }, 5000);
    const unsubscribe = app.assist.subscribe((v) => {
      if (v.sessionId !== sessionId) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(v);
    });
  });
}

describePostgres("a hand-over on one instance, an agent on the other", () => {
  let database: TestDatabase;
  let a: App;
  let b: App;
  beforeAll(async () => {
    database = await createTestDatabase();
    const clock = new ManualClock("2026-11-23T10:00:00Z");
    const config = loadConfig(
      { DATABASE_URL: database.url, FAIREXIT_SECRET: SECRET, LOG_LEVEL: "silent" },
      repoRoot,
    );
    a = await createApp(config, { clock });
    b = await createApp(config, { clock });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await database?.drop();
  });

  it("shows B's agents the session A opened, with the conversation, and records the hand-over once", async () => {
    const conversationId = "dl-handover-across-1";
    const atB = firstView(b, conversationId);
    for (const text of ["cancel my broadband", "UK550913", "NG7 2RD"])
      await a.engine.receive(conversationId, text);
    const turn = await a.engine.receive(conversationId, "Can I talk to a real person please");
    expect(turn.messages.map((m) => m.text).join(" ")).toContain("passing you to a person");

    const view = await atB;
    expect(view.customerId).toBe("cust-uk-new-broadband");
    expect(view.transcript.map((u) => u.text)).toEqual(
      expect.arrayContaining(["cancel my broadband", "Can I talk to a real person please"]),
    );
    expect(b.assist.list().map((s) => s.sessionId)).toContain(conversationId);
    expect(b.assist.view(conversationId)?.version).toBe(a.assist.view(conversationId)?.version);

    const db = databaseOf(a.store)!;
    const { rows } = await db.query<{ n: number }>(
      "counting hand-overs",
      "SELECT count(*)::int AS n FROM handovers WHERE conversation_id = $1",
      [conversationId],
    );
    expect(rows[0]?.n).toBe(1);
  });
});
