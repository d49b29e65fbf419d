/**
 * `fairexit alumni` through the real command, over an embedded data folder: a FairExit (in this
 * process) lets a demo customer leave through the real bot, saying yes to contact, and records
 * one contact after the quiet period (the data folder's alumni-contacts.jsonl); then the command,
 * run later as a user would, reads the same folder: `status` shows the contact counted, and
 * `suppression` writes the do-not-contact list as CSV to a file only its owner can read.
 */
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { silentLogger } from "../../src/domain/logger.js";
import { Chat } from "../bot/cancellationBot.js";
import { nextLine } from "../bot/simulatedCustomer.js";
import { repoRoot, runFairexit } from "../support/runFairexit.js";

const WINBACK = "cust-se-winback-consent";
let dir: string;
const env = () => ({
  FAIREXIT_STORE: "lowdb",
  FAIREXIT_DATA_DIR: dir,
  FAIREXIT_SECRET: "test-secret-for-the-alumni-cli-test-0001",
  LOG_LEVEL: "silent",
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-alumni-cli-"));
  const clock = new ManualClock("2026-11-23T10:00:00Z");
  const app = await createApp(loadConfig(env(), repoRoot), { clock, logger: silentLogger });
  try {
    for (const [id, consent] of [
      [WINBACK, "yes"],
      ["cust-de-rolling", "no"],
    ] as const) {
      const customer = (await app.store.customers.get(id))!;
      const chat = new Chat(app.engine, `conv-alumni-cli-${id}`, { channel: "webchat" });
      let turn = await chat.open();
      for (let i = 0; i < 30 && turn.stage !== "closed"; i++) {
        const line = turn.expecting === "consent" ? consent : nextLine(turn, customer);
        if (line === undefined) break;
        turn = await chat.says(line);
      }
      expect(turn.stage, chat.transcript.join("\n")).toBe("closed");
    }
    clock.set("2027-04-01T09:00:00Z");
    expect((await app.alumni.recordContact(WINBACK, { channel: "email" })).outcome).toBe("recorded");
  } finally {
    await app.close();
  }
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fairexit alumni", () => {
  it("status: the API's answer, the contact recorded in the data folder counted", async () => {
    const r = await runFairexit(["alumni", "status", WINBACK], {
      ...env(),
      FAIREXIT_CLOCK_START: "2027-04-02T09:00:00Z",
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      customerId: WINBACK,
      mayContact: true,
      contactsUsed: 1,
      contactsAllowed: 2,
    });
    expect(await readFile(join(dir, "alumni-contacts.jsonl"), "utf8")).toContain(`"customerId":"${WINBACK}"`);
  }, 60_000);

  it("suppression --format csv --out: the former customers who may not be contacted, readable by the owner only", async () => {
    const out = join(dir, "suppression.csv");
    const r = await runFairexit(["alumni", "suppression", "--format", "csv", "--out", out], {
      ...env(),
      FAIREXIT_CLOCK_START: "2027-04-02T09:00:00Z",
    });
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(out, "utf8")).toBe(
      "customer_id,email,reason,reasons,until\r\ncust-de-rolling,lukas.becker@example.de,no_consent,no_consent,\r\n",
    );
    expect((await stat(out)).mode & 0o077).toBe(0);
  }, 60_000);

  it("refuses an unknown format before opening anything", async () => {
    const r = await runFairexit(["alumni", "suppression", "--format", "xlsx"], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format: expected csv or json");
  }, 60_000);
});
