/**
 * An action that fails for good is visible: the back-office webhook (a loopback server that
 * always answers 503) refuses every attempt of a confirmed cancellation's actions, the clock is
 * advanced past each backoff until the outbox gives up. Each given-up item is logged at error
 * level once, naming the receipt it blocks (after the first attempt, through the real webhook
 * in the confirming turn, the retries are driven in process against a back-office that fails at
 * once); the detailed /readyz of the real HTTP server shows
 * the "outbox" check not ok with counts and the oldest item id (and no personal data), while
 * the server stays ready; `fairexit outbox` lists the items that gave up and the receipt.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { registerOutboxCommand } from "../../src/cli/commands/outboxCommand.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { type Logger, silentLogger } from "../../src/domain/logger.js";
import { dispatchDue } from "../../src/execution/dispatchOutbox.js";
import { MAX_ATTEMPTS } from "../../src/execution/outboxItem.js";
import type { Operations } from "../../src/execution/ports.js";
import { startServer } from "../../src/http/server.js";
import { DirectLineClient } from "../support/directLineClient.js";
import { repoRoot } from "../support/runFairexit.js";

const ADMIN = "admin-token-for-the-outbox-given-up-test-0123456789";
const TO_CONFIRM = ["cancel my mobile, switching network", "UK318826", "M14 5RT", "yes", "continue", "yes"];
const PII = [/\+44\s?7700/, /@/, /FXDD-/];

let dir: string;
let failing: Server;
let app: App;
let url: string;
let stop: () => Promise<void>;
const clock = new ManualClock("2026-11-23T10:00:00Z");
const down: Operations = {
  execute: async () => {
    throw new Error("webhook answered 503");
  },
};
const errors: { obj: Record<string, unknown>; msg?: string }[] = [];
const logger: Logger = {
  ...silentLogger,
  error: (obj, msg) => errors.push({ obj: obj as Record<string, unknown>, msg }),
  child: () => logger,
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-gave-up-"));
  failing = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.statusCode = 503;
      res.end("down");
    });
  });
  await new Promise<void>((r) => failing.listen(0, "127.0.0.1", r));
  const env = {
    FAIREXIT_STORE: "lowdb",
    FAIREXIT_DATA_DIR: dir,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    FAIREXIT_SECRET: "test-secret-for-the-outbox-given-up-test",
    FAIREXIT_ADMIN_TOKEN: ADMIN,
    FAIREXIT_OPERATIONS_URL: `http://127.0.0.1:${(failing.address() as AddressInfo).port}/ops`,
    FAIREXIT_WEBHOOK_SECRET: "webhook-secret-for-the-given-up-test",
  };
  app = await createApp(loadConfig(env, repoRoot), { clock, logger });
  const running = await startServer(app);
  url = running.url;
  stop = async () => {
    await running.close();
    await app.close();
  };
});
afterEach(async () => {
  await stop();
  await new Promise((r) => failing.close(r));
  await rm(dir, { recursive: true, force: true });
});

const readyz = async () => {
  const res = await fetch(`${url}/readyz`, { headers: { authorization: `Bearer ${ADMIN}` } });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: JSON.parse(text) as { ready: boolean; checks: { name: string; ok: boolean; detail?: string }[] },
  };
};
const outboxCheck = async () => (await readyz()).body.checks.find((c) => c.name === "outbox");

it("logs, reports and lists the actions that gave up and the receipt they block", async () => {
  expect(await outboxCheck()).toMatchObject({ ok: true });
  const chat = await DirectLineClient.anonymous(url);
  await chat.start();
  await chat.poll();
  for (const line of TO_CONFIRM) await chat.says(line);
  const actions = await app.bot.outbox.list({ status: "pending" });
  expect(actions.some((i) => i.kind === "action" && i.attempts === 1)).toBe(true);

  // Past every backoff (at most an hour each) until nothing is attempted any more; the later
  // attempts go to a back-office that fails at once (the webhook's own retries take seconds).
  for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
    clock.advance(3_600_000);
    await dispatchDue({ ...app.bot, operations: down, clock, logger });
  }
  const failed = await app.bot.outbox.list({ status: "failed" });
  expect(failed.length).toBeGreaterThan(0);
  expect(failed.every((i) => i.attempts === MAX_ATTEMPTS)).toBe(true);
  const receipt = (await app.bot.outbox.list({ status: "pending" })).find((i) => i.id.startsWith("receipt:"));
  expect(receipt).toBeDefined();

  // Logged at error level once per item that gave up, naming the receipt it blocks.
  const gaveUp = errors.filter((e) => e.msg?.startsWith("delivery gave up"));
  expect(gaveUp.map((e) => e.obj.outboxItem).sort()).toEqual(failed.map((i) => i.id).sort());
  expect(gaveUp.some((e) => (e.obj.blocked as string[]).includes(receipt!.id))).toBe(true);
  for (let i = 0; i < 3; i++) {
    clock.advance(3_600_000);
    await dispatchDue({ ...app.bot, operations: down, clock, logger });
  }
  expect(errors.filter((e) => e.msg?.startsWith("delivery gave up"))).toHaveLength(gaveUp.length);

  // The detailed /readyz: not ok, with counts and the oldest id; the server still serves.
  const report = await readyz();
  expect(report.status).toBe(200);
  expect(report.body.ready).toBe(true);
  const check = report.body.checks.find((c) => c.name === "outbox")!;
  expect(check.ok).toBe(false);
  const oldest = [...failed].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))[0]!;
  expect(check.detail).toContain(`${failed.length} item(s) gave up`);
  expect(check.detail).toContain("1 waiting for them");
  expect(check.detail).toContain(oldest.id);
  for (const p of PII) expect(report.text).not.toMatch(p);

  // `fairexit outbox` lists them.
  const printed: string[] = [];
  const write = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    printed.push(String(s));
    return true;
  });
  const env = process.env.FAIREXIT_DATA_DIR;
  process.env.FAIREXIT_DATA_DIR = dir;
  try {
    const program = new Command().exitOverride();
    registerOutboxCommand(program);
    await program.parseAsync(["node", "fairexit", "outbox"]);
  } finally {
    write.mockRestore();
    if (env === undefined) delete process.env.FAIREXIT_DATA_DIR;
    else process.env.FAIREXIT_DATA_DIR = env;
  }
  const out = printed.join("");
  expect(out).toContain(`GAVE UP after ${MAX_ATTEMPTS} attempts: ${failed.length} item(s); 1 waiting`);
  for (const i of failed) expect(out).toMatch(new RegExp(`gave up  failed .*key ${i.id}`));
  expect(out).toMatch(new RegExp(`blocked  pending .*key ${receipt!.id}`));
});
