/**
 * Two FairExit servers (two real Apps, restify, one PostgreSQL database): the winback demo
 * customer leaves through the real bot saying yes, the quiet period passes, one contact is
 * recorded; then each server gets a POST at the same moment for the last allowed contact.
 * Exactly one is recorded (201), the other refused (409 cap_reached), and the database holds two.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { databaseOf } from "../../src/adapters/postgres/pgStore.js";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { type RunningServer, startServer } from "../../src/http/server.js";
import { Chat } from "../bot/cancellationBot.js";
import { nextLine } from "../bot/simulatedCustomer.js";
import { createTestDatabase, describePostgres, type TestDatabase } from "../support/postgres.js";
import { repoRoot } from "../support/runFairexit.js";

const KEY = "alumni-key-for-the-marketing-tool-0001";
const WINBACK = "cust-se-winback-consent";

describePostgres("the alumni cap on two instances", () => {
  let database: TestDatabase;
  const apps: App[] = [];
  const servers: RunningServer[] = [];
  const clock = new ManualClock("2026-11-23T10:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 0; i < 2; i++) {
      const config = loadConfig(
        {
          DATABASE_URL: database.url,
          FAIREXIT_SECRET: "test-secret-shared-by-both-instances-0123",
          FAIREXIT_ALUMNI_API_KEYS: KEY,
          LOG_LEVEL: "silent",
          HOST: "127.0.0.1",
          PORT: "0",
        },
        repoRoot,
      );
      const app = await createApp(config, { clock });
      apps.push(app);
      servers.push(await startServer(app));
    }
  }, 60_000);
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const a of apps) await a.close();
    await database?.drop();
  });

  const post = (server: RunningServer, channel: string) =>
    fetch(`${server.url}/api/alumni/${WINBACK}/contact`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ channel }),
    });

  it("records exactly one of two contacts posted at once to two servers at the last allowed one", async () => {
    const app = apps[0]!;
    const customer = (await app.store.customers.get(WINBACK))!;
    const chat = new Chat(app.engine, "conv-alumni-two-instances", { channel: "webchat" });
    let turn = await chat.open();
    for (let i = 0; i < 30 && turn.stage !== "closed"; i++) {
      const line = turn.expecting === "consent" ? "yes" : nextLine(turn, customer);
      if (line === undefined) break;
      turn = await chat.says(line);
    }
    expect(turn.stage, chat.transcript.join("\n")).toBe("closed");

    clock.set("2027-03-23T09:00:00Z");
    expect((await post(servers[1]!, "email")).status).toBe(201);
    const both = await Promise.all([post(servers[0]!, "email"), post(servers[1]!, "sms")]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = both.find((r) => r.status === 409)!;
    expect(((await refused.json()) as { reason: string }).reason).toBe("cap_reached");
    const { rows } = await databaseOf(app.store)!.query<{ n: number }>(
      "counting",
      "SELECT count(*)::int AS n FROM alumni_contacts WHERE customer_id = $1",
      [WINBACK],
    );
    expect(rows[0]!.n).toBe(2);
  });
});
