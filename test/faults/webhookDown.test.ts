/**
 * The operator's back-office webhook down for a while, end to end: the real server (composition
 * root, restify, Direct Line) points FAIREXIT_OPERATIONS_URL and FAIREXIT_NOTIFY_URL at a
 * loopback back-office that is not there (connection refused) while a customer confirms a
 * cancellation. She is told it is done, with her reference; the actions and the receipt wait in
 * the outbox. The back-office comes back on the same port, answers 503 a few times more, then
 * works; the dispatcher (driven with the clock past each backoff) delivers every action exactly
 * once (counted by Idempotency-Key at the receiver), the receipt after them, nothing lost, and
 * `fairexit audit verify` finds the trail intact. On the embedded store and on PostgreSQL.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { runCli } from "../../src/cli/main.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { silentLogger } from "../../src/domain/logger.js";
import { dispatchDue } from "../../src/execution/dispatchOutbox.js";
import { startServer } from "../../src/http/server.js";
import { DirectLineClient } from "../support/directLineClient.js";
import { aTestDatabaseForThisFile, describePostgres } from "../support/postgres.js";
import { repoRoot } from "../support/runFairexit.js";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhookReceiver.js";

const WEBHOOK_SECRET = "webhook-secret-for-the-webhook-down-test";
const TO_CONFIRM = ["cancel my mobile, switching network", "UK318826", "M14 5RT", "yes", "continue", "yes"];
const REFERENCE = /FX-\d{8}-[0-9A-F]{6}/;
/** 503 answers the back-office still gives once it is listening again. */
const STILL_FAILING = 3;

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** A free loopback port with nothing listening on it (connection refused). */
async function aClosedPort(): Promise<number> {
  const probe = await startWebhookReceiver(WEBHOOK_SECRET);
  await probe.close();
  return Number(new URL(probe.url).port);
}

/** `fairexit audit verify` in process, with `env` as the process environment. */
async function auditVerify(env: Record<string, string>): Promise<{ code: number; out: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let out = "";
  const write = (s: unknown) => {
    out += String(s);
    return true;
  };
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation(write);
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(write);
  try {
    return { code: await runCli(["audit", "verify"]), out };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.env = saved;
  }
}

async function webhookDownThenBack(storeEnv: Record<string, string>): Promise<void> {
  const port = await aClosedPort();
  const env = {
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    FAIREXIT_SECRET: "test-secret-for-the-webhook-down-test",
    FAIREXIT_OPERATIONS_URL: `http://127.0.0.1:${port}/ops`,
    FAIREXIT_NOTIFY_URL: `http://127.0.0.1:${port}/notify`,
    FAIREXIT_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ...storeEnv,
  };
  const clock = new ManualClock("2026-11-23T10:00:00Z");
  const app: App = await createApp(loadConfig(env, repoRoot), { clock });
  const running = await startServer(app);
  let receiver: WebhookReceiver | undefined;
  try {
    // The back-office is down: she confirms, and is told it is done, with her reference.
    const chat = await DirectLineClient.anonymous(running.url);
    await chat.start();
    await chat.poll();
    let last = "";
    for (const line of TO_CONFIRM) last = (await chat.says(line)).map((a) => a.text ?? "").join("\n");
    expect(last).toMatch(REFERENCE);
    const reference = last.match(REFERENCE)![0];

    // Everything waits in the outbox: tried once, nothing delivered.
    const waiting = await app.bot.outbox.list();
    const startedAt = clock.now().getTime();
    const actions = waiting.filter((i) => i.kind === "action" && Date.parse(i.dueAt) <= startedAt);
    const receipt = waiting.find((i) => i.kind === "message" && i.id.startsWith("receipt:"));
    expect(actions.length).toBeGreaterThanOrEqual(4);
    expect(receipt?.after?.toSorted()).toEqual(actions.map((a) => a.id).toSorted());
    expect(waiting.filter((i) => i.status !== "pending")).toEqual([]);
    expect(actions.filter((i) => i.attempts < 1)).toEqual([]);
    expect(receipt!.attempts).toBe(0);

    // Asking again while it is still down: already done, the same reference, nothing new queued.
    const again = (await chat.says("cancel my mobile")).map((a) => a.text ?? "").join("\n");
    expect(again).toMatch(/already cancelled/i);
    expect(again).toContain(reference);
    expect((await app.bot.outbox.list()).length).toBe(waiting.length);

    // It comes back on the same port, answers 503 a few more times, then works.
    receiver = await startWebhookReceiver(WEBHOOK_SECRET, port);
    receiver.failNext.push(...Array.from({ length: STILL_FAILING }, () => 503));
    for (let round = 0; round < 40; round++) {
      if ((await app.bot.outbox.list({ status: "pending" })).length === 0) break;
      clock.advance(3_600_000);
      await dispatchDue({ ...app.bot, clock, logger: silentLogger });
    }

    // Everything delivered (the reminders too, as the clock passed their time), nothing lost.
    const due = await app.bot.outbox.list();
    expect(due.filter((i) => i.status !== "delivered").map((i) => `${i.id}: ${i.status}`)).toEqual([]);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    const answered = receiver.received.slice(STILL_FAILING);
    const keys = answered.map((r) => r.key);
    const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(twice, "delivered twice").toEqual([]);
    expect(new Set(keys)).toEqual(new Set(due.map((i) => i.id)));
    for (const a of actions) expect(keys, `action ${a.id}`).toContain(a.id);
    const receiptAt = keys.indexOf(receipt!.id);
    for (const a of actions) expect(keys.indexOf(a.id), `${a.id} before the receipt`).toBeLessThan(receiptAt);
    const receiptBody = answered[receiptAt]!.body as { subject?: string; body?: string };
    expect(String(receiptBody.subject)).toContain(reference);
    expect(receiver.applied.size).toBe(keys.length);

    // One more round sends nothing again.
    clock.advance(3_600_000);
    await dispatchDue({ ...app.bot, clock, logger: silentLogger });
    expect(receiver.received.slice(STILL_FAILING).length).toBe(keys.length);
  } finally {
    await running.close();
    await app.close();
    await receiver?.close();
  }
  const verified = await auditVerify(env);
  expect(verified.out).toMatch(/ok, \d+ entries, chain intact/);
  expect(verified.code).toBe(0);
}

describe("the back-office webhook down while a customer confirms", () => {
  it("on the embedded store: the customer is told, the outbox waits, then delivers each action once and the receipt after", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairexit-webhook-down-"));
    dirs.push(dir);
    await webhookDownThenBack({ FAIREXIT_STORE: "lowdb", FAIREXIT_DATA_DIR: dir });
  }, 120_000);
});

describePostgres("the back-office webhook down while a customer confirms, on PostgreSQL", () => {
  const database = aTestDatabaseForThisFile();
  it("the customer is told, the outbox waits, then delivers each action once and the receipt after", async () => {
    const t = await database();
    await webhookDownThenBack({ DATABASE_URL: t.url });
  }, 120_000);
});
