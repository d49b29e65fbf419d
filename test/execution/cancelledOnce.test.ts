/**
 * A customer is cancelled once, however many conversations ask, in whatever order: over Direct
 * Line on the real HTTP server with the embedded store, the locked-handset customer confirms in
 * one conversation; every other conversation (the next day, the same day, ten at once) hears it
 * is already cancelled, with the first reference and the end date. The data folder holds one
 * end_service, one reference and one receipt email, and no phone number, email address or
 * mandate reference in the outbox, operations, notifications or audit files.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { startServer } from "../../src/http/server.js";
import { DirectLineClient } from "../support/directLineClient.js";
import { repoRoot } from "../support/runFairexit.js";

const PHONE = "+447700900123";
const EMAIL = "priya";
const MANDATE = "FXDD-0318826-01";
const TO_CONFIRM = ["cancel my mobile, switching network", "UK318826", "M14 5RT", "yes", "continue"];

let dir: string;
let app: App;
let url: string;
let stop: () => Promise<void>;
let clock: ManualClock;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-once-"));
  clock = new ManualClock("2026-11-23T10:00:00Z");
  app = await createApp(
    loadConfig(
      {
        FAIREXIT_STORE: "lowdb",
        FAIREXIT_DATA_DIR: dir,
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        FAIREXIT_SECRET: "test-secret-for-the-cancelled-once-tests",
      },
      repoRoot,
    ),
    { clock },
  );
  const running = await startServer(app);
  url = running.url;
  stop = async () => {
    await running.close();
    await app.close();
  };
});
afterEach(async () => {
  await stop();
  await rm(dir, { recursive: true, force: true });
});

async function aChat(): Promise<DirectLineClient> {
  const chat = await DirectLineClient.anonymous(url);
  await chat.start();
  await chat.poll();
  return chat;
}

/** Says each line; returns everything the bot said. */
async function say(chat: DirectLineClient, lines: readonly string[]): Promise<string> {
  const out: string[] = [];
  for (const line of lines) out.push(...(await chat.says(line)).map((a) => a.text ?? ""));
  return out.join("\n");
}

const jsonl = async (name: string) =>
  (await readFile(join(dir, name), "utf8").catch(() => ""))
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** What the data folder shows was done. */
async function done() {
  const operations = await jsonl("operations.jsonl");
  const notifications = await jsonl("notifications.jsonl");
  const kinds = operations.map((o) => (o.action as { kind: string }).kind);
  const receipts = notifications.filter((n) => String(n.subject ?? "").startsWith("Your cancellation"));
  return {
    endServices: kinds.filter((k) => k === "end_service").length,
    portingCodes: kinds.filter((k) => k === "issue_porting_code").length,
    receipts: receipts.map((r) => String(r.subject).replace("Your cancellation ", "")),
  };
}

const referenceIn = (text: string) => text.match(/FX-\d{8}-[0-9A-F]{6}/)?.[0];

async function expectNoPersonalDataInTheFiles() {
  await app.engine.resumeUnfinished(); // everything due is delivered
  for (const file of ["outbox.jsonl", "operations.jsonl", "notifications.jsonl", "audit.jsonl"]) {
    const text = await readFile(join(dir, file), "utf8");
    expect(text, file).not.toContain(PHONE);
    expect(text.toLowerCase(), file).not.toContain(EMAIL);
    expect(text, file).not.toContain(MANDATE);
  }
  const keys = (await jsonl("audit.jsonl")).flatMap((e) => {
    const data = e.data as { key?: string; actions?: string[] };
    return [data.key ?? "", ...(data.actions ?? [])];
  });
  expect(keys.join(" ")).not.toContain(MANDATE);
}

describe("a customer who already cancelled", () => {
  it("hears the next day that it is already done, with the first reference and end date; nothing is done twice", async () => {
    const first = await aChat();
    await say(first, TO_CONFIRM);
    const confirmed = await say(first, ["yes"]);
    const reference = referenceIn(confirmed);
    expect(confirmed).toContain(`Cancellation confirmed. Your reference is ${reference}`);
    const endDate = confirmed.match(/Mobile ends on (\w+ \d+ \w+ \d{4})/)?.[1];
    expect(endDate).toBeDefined();

    clock.advance(24 * 3_600_000);
    const second = await aChat();
    const heard = await say(second, TO_CONFIRM);
    expect(heard).toContain(`This is already cancelled: your reference is ${reference}`);
    expect(heard).toContain(`ends on ${endDate}`);
    expect(heard).toContain("ask for a person");
    expect(heard).not.toContain("Shall I go ahead and cancel?");
    const keep = await say(second, ["Keep my service"]);
    expect(keep).toContain(`already cancelled: your reference is ${reference}`);
    expect(keep).not.toMatch(/nothing has been changed/i);

    expect(await done()).toEqual({ endServices: 1, portingCodes: 1, receipts: [reference] });
    await expectNoPersonalDataInTheFiles();
  });

  it("is cancelled once when two conversations of the same day confirm in the other order", async () => {
    const a = await aChat();
    const b = await aChat();
    await say(a, TO_CONFIRM);
    await say(b, TO_CONFIRM);
    const fromB = await say(b, ["yes"]);
    const reference = referenceIn(fromB);
    expect(fromB).toContain("Cancellation confirmed");
    const fromA = await say(a, ["yes"]);
    expect(fromA).toContain(`This is already cancelled: your reference is ${reference}`);
    expect(fromA).not.toContain("Cancellation confirmed");
    expect(await done()).toEqual({ endServices: 1, portingCodes: 1, receipts: [reference] });
  });

  it("is cancelled once when ten conversations confirm at the same moment", async () => {
    const chats = [];
    for (let i = 0; i < 10; i++) chats.push(await aChat());
    for (const chat of chats) await say(chat, TO_CONFIRM);
    const answers = await Promise.all(chats.map((chat) => say(chat, ["yes"])));
    const confirmed = answers.filter((t) => t.includes("Cancellation confirmed"));
    expect(confirmed).toHaveLength(1);
    const reference = referenceIn(confirmed[0]!);
    for (const t of answers.filter((x) => !x.includes("Cancellation confirmed")))
      expect(t).toContain(`This is already cancelled: your reference is ${reference}`);
    expect(await done()).toEqual({ endServices: 1, portingCodes: 1, receipts: [reference] });
    await expectNoPersonalDataInTheFiles();
  });
});
