/**
 * A customer who drops and comes back after a server restart carries on where they were, on the
 * embedded store, and the cancellation still executes exactly once.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { silentLogger } from "../../src/domain/logger.js";
import { repoRoot, runFairexit } from "../support/runFairexit.js";
import { aCancellationBot } from "./cancellationBot.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-resume-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = () =>
  createApp(loadConfig({ FAIREXIT_DATA_DIR: dir, FAIREXIT_SECRET: "a-test-secret-of-16+" }, repoRoot), {
    logger: silentLogger,
    clock: new ManualClock("2026-11-23T10:00:00Z"),
  });

describe("resuming after a restart", () => {
  it("continues at the confirmation, and a repeated yes after another restart executes nothing twice", async () => {
    const first = await open();
    for (const line of [
      "I want to cancel my broadband",
      "UK550913",
      "NG7 2RD",
      "it's too expensive",
      "continue",
      "no",
    ])
      await first.engine.receive("conv-resume-1", line, { channel: "webchat" });
    await first.close();

    const second = await open();
    const turn = await second.engine.receive("conv-resume-1", "yes");
    expect(turn.messages.map((m) => m.text).join("\n")).toContain("Cancellation confirmed");
    await second.close();

    const third = await open();
    await third.engine.receive("conv-resume-1", "yes");
    await third.close();
    const journal = (await readFile(join(dir, "operations.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const ends = journal.filter((e) => e.action.kind === "end_service");
    expect(ends).toHaveLength(1);

    const verify = await runFairexit(["audit", "verify"], {
      FAIREXIT_DATA_DIR: dir,
      FAIREXIT_SECRET: "a-test-secret-of-16+", // the audit chain is keyed with the server's secret
    });
    expect(verify.stdout).toContain("chain intact");
    const outbox = await runFairexit(["outbox", "--conversation", "conv-resume-1"], {
      FAIREXIT_DATA_DIR: dir,
    });
    expect(outbox.stdout).toMatch(/delivered\s+end_service/);
    expect(outbox.stdout).toMatch(/pending\s+schedule_message/); // the reminders wait for their time
  });
});

describe("a stored state that did not come from the engine", () => {
  it("is validated: a damaged one is refused with the conversation named, and nothing is overwritten", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await chat.says("I want to cancel my broadband");
    await chat.says("UK550913");
    const before = await bot.store.conversations.get(chat.id);
    const damaged: Record<string, unknown> = { ...(before?.state as object), stage: "somewhere else" };
    await bot.store.conversations.appendTurns(chat.id, [], damaged); // as a hand-edited file would be
    await expect(chat.says("NG7 2RD")).rejects.toThrow(`conversation ${chat.id}: state is not valid`);
    const after = await bot.store.conversations.get(chat.id);
    expect(after?.turns).toEqual(before?.turns);
    expect(after?.state).toEqual(damaged);
  });

  it("is validated and then used when it is sound (written by another process or before a restart)", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await chat.says("I want to cancel my broadband");
    await chat.says("UK550913");
    const stored = await bot.store.conversations.get(chat.id);
    await bot.store.conversations.appendTurns(chat.id, [], structuredClone(stored?.state ?? {}));
    await chat.says("NG7 2RD");
    chat.expectReply(/why/i);
  });
});

describe("fairexit chat", () => {
  it("talks to the bot in a terminal", async () => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, "bin/fairexit.js"), "chat", "--memory", "--customer", "cust-uk-price-rise"],
      {
        cwd: repoRoot,
        env: { ...process.env, LOG_LEVEL: "silent" },
      },
    );
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stdin.write("you put my price up\n");
    child.stdin.end("\n");
    const code = await new Promise((r) => child.on("close", r));
    expect(code).toBe(0);
    expect(out).toContain("you're signed in");
    expect(out).toMatch(/waive/);
  });
});
