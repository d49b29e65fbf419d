/**
 * The embedded store on a disk that fills up, then on one that turns read-only, under the real
 * HTTP server. While the disk refuses writes, a customer's message is answered 503 with
 * Retry-After (never a 500, never a crash), /healthz still answers, and nothing already stored
 * is damaged: when space comes back the same process carries on, the customer's "yes" goes
 * through once, the audit chain verifies, and a restart on the same folder opens every file.
 */
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { JsonLinesAppender } from "../../src/adapters/files/jsonLines.js";
import { JsonlAuditLog } from "../../src/adapters/files/jsonlAuditLog.js";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { type RunningServer, startServer } from "../../src/http/server.js";
import { DirectLineClient } from "../support/directLineClient.js";
import { repoRoot } from "../support/runFairexit.js";
import { describeOnSmallDisk, type SmallDisk } from "../support/tmpfs.js";

const ADMIN_TOKEN = "admin-token-for-the-disk-fault-tests-000";

const env = (dir: string) => ({
  PORT: "0",
  HOST: "127.0.0.1",
  LOG_LEVEL: process.env.FAULT_LOG ?? "silent",
  FAIREXIT_STORE: "lowdb",
  FAIREXIT_DATA_DIR: join(dir, "store"),
  FAIREXIT_CLOCK_START: "2026-11-23T10:00:00Z",
  FAIREXIT_SECRET: "disk-fault-test-secret-0123456789abcdef",
  FAIREXIT_ADMIN_TOKEN: ADMIN_TOKEN,
});

async function serve(dir: string): Promise<{ app: App; running: RunningServer }> {
  const app = await createApp(loadConfig(env(dir), repoRoot));
  return { app, running: await startServer(app) };
}

/** The detailed /readyz: ready or not, and what the data-folder check says. */
async function readiness(
  url: string,
): Promise<{ status: number; dataFolder?: { ok: boolean; detail?: string } }> {
  const res = await fetch(`${url}/readyz`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const body = (await res.json()) as { checks: { name: string; ok: boolean; detail?: string }[] };
  const found = body.checks.find((c) => c.name === "data folder");
  return { status: res.status, ...(found ? { dataFolder: { ok: found.ok, detail: found.detail } } : {}) };
}

/** POSTs a message and returns the HTTP status, without throwing on a refusal. */
async function send(chat: DirectLineClient, text: string): Promise<Response> {
  return chat.request("POST", `/conversations/${chat.session.conversationId}/activities`, {
    type: "message",
    text,
    from: { id: chat.session.userId },
  });
}

/** Every line of every JSON Lines file in the folder parses: no torn record was left in the middle. */
async function brokenLines(folder: string): Promise<string[]> {
  const broken: string[] = [];
  for (const name of await readdir(folder)) {
    if (!name.endsWith(".jsonl")) continue;
    const lines = (await readFile(join(folder, name), "utf8")).split("\n");
    lines.forEach((line, i) => {
      if (line === "") return;
      try {
        JSON.parse(line);
      } catch {
        broken.push(`${name}:${i + 1}`);
      }
    });
  }
  return broken;
}

const TO_THE_QUESTION = ["cancel my mobile, switching network", "UK318826", "M14 5RT", "yes", "continue"];

describeOnSmallDisk("the embedded store when the disk fills up or turns read-only", 2048, (theDisk) => {
  let disk: SmallDisk;
  let server: { app: App; running: RunningServer } | undefined;
  beforeAll(async () => {
    disk = theDisk();
    server = await serve(disk.dir);
  });
  afterAll(async () => {
    await server?.running.close();
    await server?.app.close();
    disk?.readWrite();
    disk?.unmount();
  });

  it("answers 503 while the disk is full, damages nothing, and cancels exactly once when space is back", async () => {
    const { running } = server!;
    const chat = await DirectLineClient.anonymous(running.url);
    await chat.start();
    for (const line of TO_THE_QUESTION) await chat.says(line);
    expect(chat.seen.at(-1)?.text ?? "").toContain("Shall I go ahead and cancel?");
    const other = await DirectLineClient.anonymous(running.url);
    await other.start();

    await disk.fill();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const refused = await send(chat, "yes");
      statuses.push(refused.status);
      if (refused.status === 503) {
        expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
        const body = (await refused.json()) as { error: { message: string } };
        expect(body.error.message).not.toContain(disk.dir);
      }
      statuses.push((await send(other, "I want to cancel my broadband")).status);
    }
    expect(statuses.every((s) => s === 503)).toBe(true);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    expect(await readiness(running.url)).toEqual({
      status: 503,
      dataFolder: { ok: false, detail: "refuses writes: the disk is full" },
    });

    await disk.free();
    expect(await readiness(running.url)).toEqual({
      status: 200,
      dataFolder: { ok: true, detail: "accepts writes" },
    });
    const replies = (await chat.says("yes")).map((a) => a.text ?? "").join("\n");
    expect(replies).toMatch(/FX-\d{8}-[0-9A-F]{6}/);
    expect(await server!.app.store.audit.verify()).toEqual([]);
    expect(await brokenLines(join(disk.dir, "store"))).toEqual([]);
    const confirmations = (await server!.app.store.audit.read()).filter(
      (e) => e.kind === "confirmation" && (e.data as { answer?: string }).answer === "yes",
    );
    expect(confirmations).toHaveLength(1);
  });

  it("answers 503 while the disk is read-only, and carries on when it is writable again", async () => {
    const { running } = server!;
    const chat = await DirectLineClient.anonymous(running.url);
    await chat.start();
    await chat.says("I'd like to cancel");
    disk.readOnly();
    try {
      const refused = await send(chat, "SE554012");
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
      expect((await readiness(running.url)).dataFolder).toEqual({
        ok: false,
        detail: "refuses writes: the file system is read-only",
      });
    } finally {
      disk.readWrite();
    }
    const replies = (await chat.says("SE554012")).map((a) => a.text ?? "").join("\n");
    expect(replies).toMatch(/post ?code|postnummer/i);
    expect(await server!.app.store.audit.verify()).toEqual([]);
  });

  it("keeps the audit chain and every JSON Lines file whole when appends are refused half-way", async () => {
    const dir = join(disk.dir, "appends");
    await mkdir(dir);
    const key = "disk-fault-audit-key-0123456789abcdef";
    const file = join(dir, "audit.jsonl");
    const audit = await JsonlAuditLog.open(file, { key });
    const events = new JsonLinesAppender(join(dir, "events.jsonl"));
    const record = (i: number) => ({
      at: "2026-11-23T10:00:00.000Z",
      conversationId: `c-${i}`,
      kind: "survey" as const,
      data: { cause: "other", note: "n".repeat(1500 + i) },
    });
    for (let i = 0; i < 3; i++) {
      await audit.append(record(i));
      await events.append({ i, pad: "p".repeat(1500 + i) });
    }
    await disk.fill();
    // Each file's last page still has room for part of a record: appends are cut off half-way.
    let refused = 0;
    for (let i = 3; i < 40; i++) {
      await audit.append(record(i)).catch(() => refused++);
      await events.append({ i, pad: "p".repeat(1500 + i) }).catch(() => refused++);
    }
    expect(refused).toBeGreaterThan(0);
    await disk.free();
    await audit.append(record(99));
    await events.append({ i: 99 });
    expect(await audit.verify()).toEqual([]);
    expect(await brokenLines(dir)).toEqual([]);
    const reopened = await JsonlAuditLog.open(file, { key });
    expect((await reopened.read()).at(-1)?.conversationId).toBe("c-99");
  });

  it("opens again on the same folder after both faults, with every record readable", async () => {
    await server!.running.close();
    await server!.app.close();
    server = await serve(disk.dir);
    expect(await server.app.store.audit.verify()).toEqual([]);
    expect(await brokenLines(join(disk.dir, "store"))).toEqual([]);
    const chat = await DirectLineClient.anonymous(server.running.url);
    await chat.start();
    expect((await chat.says("I want to cancel")).length).toBeGreaterThan(0);
  });
});
