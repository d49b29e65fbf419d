/**
 * Web Chat against two FairExit instances sharing PostgreSQL, with no sticky sessions: the
 * token comes from one, the conversation starts on the other, and the customer's messages and
 * polls alternate between them. Every activity is seen once, in order, whichever instance
 * answers the poll; the conversation reaches "Shall I go ahead and cancel?" as on one instance.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { type RunningServer, startServer } from "../../src/http/server.js";
import { DirectLineClient } from "../support/directLineClient.js";
import { aTestDatabaseForThisFile, describePostgres } from "../support/postgres.js";
import { repoRoot } from "../support/runFairexit.js";

const database = aTestDatabaseForThisFile();

describePostgres("Web Chat on two instances sharing PostgreSQL", () => {
  const instances: { app: App; running: RunningServer }[] = [];
  beforeAll(async () => {
    const { url } = await database();
    for (let i = 0; i < 2; i++) {
      const app = await createApp(
        loadConfig(
          {
            DATABASE_URL: url,
            FAIREXIT_SECRET: "test-secret-shared-by-both-web-chat-instances",
            FAIREXIT_CLOCK_START: "2026-11-23T10:00:00Z",
            LOG_LEVEL: "silent",
            HOST: "127.0.0.1",
            PORT: "0",
          },
          repoRoot,
        ),
      );
      instances.push({ app, running: await startServer(app) });
    }
  });
  afterAll(async () => {
    for (const { app, running } of instances) {
      await running.close();
      await app.close();
    }
  });

  it("serves one conversation from either instance, every activity once and in order", async () => {
    const [a, b] = instances.map((x) => x.running.url) as [string, string];
    const onA = await DirectLineClient.anonymous(a);
    const onB = new DirectLineClient(b, onA.session);
    await onB.start();
    const lines = ["cancel my mobile, switching network", "UK318826", "M14 5RT", "yes", "continue"];
    const seen: string[] = [];
    for (const [i, line] of lines.entries()) {
      const poster = i % 2 === 0 ? onA : onB;
      const poller = i % 2 === 0 ? onB : onA;
      await poster.post({ type: "message", text: line });
      poller.watermark = seen.length === 0 ? undefined : String(seen.length);
      for (const activity of await poller.poll()) seen.push(activity.id);
    }
    const all = [...onA.seen, ...onB.seen];
    const byId = new Map(all.map((x) => [x.id, x]));
    expect(seen).toEqual([...new Set(seen)]);
    expect(seen).toEqual([...seen].sort());
    const texts = seen.map((id) => byId.get(id)!);
    expect(texts.filter((x) => x.from.role === "user").map((x) => x.text)).toEqual(lines);
    expect(texts.at(-1)?.text ?? "").toContain("Shall I go ahead and cancel?");
  });
});
