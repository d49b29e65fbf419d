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

    const verify = await runFairexit(["audit", "verify"], { FAIREXIT_DATA_DIR: dir });
    expect(verify.stdout).toContain("chain intact");
    const outbox = await runFairexit(["outbox", "--conversation", "conv-resume-1"], {
      FAIREXIT_DATA_DIR: dir,
    });
    expect(outbox.stdout).toMatch(/delivered\s+end_service/);
    expect(outbox.stdout).toMatch(/pending\s+schedule_message/); // the reminders wait for their time
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
