/**
 * Guessing the postcode of an account across many conversations: after a few failed checks of
 * one account number, further tries wait, whichever conversation they come from, also after a
 * restart, and the answer does not tell whether the account exists. Through Direct Line, on the
 * embedded store, as a deployment runs.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DirectLineClient } from "../support/directLineClient.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";

const PRIYA = { account: "UK318826", postcode: "M14 5RT" };
let dir: string;
let server: RunningFairExit | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-guessing-"));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

const start = async (clockStart = "2026-11-23T10:00:00Z") => {
  await server?.close();
  server = await aFairExitServer({
    FAIREXIT_STORE: "lowdb",
    FAIREXIT_DATA_DIR: dir,
    FAIREXIT_CLOCK_START: clockStart,
    FAIREXIT_RATE_LIMIT_TOKENS_PER_CLIENT: "1000",
    FAIREXIT_RATE_LIMIT_PER_CLIENT: "10000",
  });
  return server;
};

/** One conversation trying `postcodes` for `account`; the bot's words to the last try. */
async function aConversationTrying(account: string, postcodes: string[]): Promise<string> {
  const chat = await DirectLineClient.anonymous(server!.url);
  await chat.start();
  await chat.poll();
  let last = "";
  for (const postcode of postcodes) {
    await chat.says(account);
    last = (await chat.says(postcode)).map((a) => a.text).join("\n");
  }
  return last;
}

const WRONG = ["M1 1AA", "M2 2BB", "M3 3CC"];

describe("postcode guessing across conversations", () => {
  it("30 wrong postcodes in 10 conversations, then the right one: not identified, told to wait or ask a person", async () => {
    await start();
    for (let i = 0; i < 10; i++) await aConversationTrying(PRIYA.account, WRONG);
    const answer = await aConversationTrying(PRIYA.account, [PRIYA.postcode]);
    expect(answer).not.toContain("Priya");
    expect(answer).toContain("I can't check the details for that account number right now");
    expect(answer).toContain("ask for a person");

    const audit = await readFile(join(dir, "audit.jsonl"), "utf8");
    const cooldowns = audit
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((e) => e.kind === "identity_cooldown");
    expect(cooldowns.length).toBeGreaterThan(0);
    expect(cooldowns[0].data.accountNumber).toMatch(/^masked:/);
    expect(audit).not.toContain(PRIYA.account);
  });

  it("lets no more than the limit through when many conversations guess at the same moment", async () => {
    await start();
    const chats = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const chat = await DirectLineClient.anonymous(server!.url);
        await chat.start();
        await chat.poll();
        await chat.says(PRIYA.account);
        return chat;
      }),
    );
    const answers = await Promise.all(chats.map((c, i) => c.says(i === 19 ? PRIYA.postcode : `M${i} 1AA`)));
    const checked = answers.filter(
      (a) =>
        !a
          .map((x) => x.text)
          .join("\n")
          .includes("right now"),
    );
    expect(checked.length).toBeLessThanOrEqual(5);
    const audit = (await readFile(join(dir, "audit.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(audit.filter((e) => e.data.step === "identity_failed").length).toBeLessThanOrEqual(5);
  });

  it("answers the same for an account that does not exist", async () => {
    await start();
    await aConversationTrying(PRIYA.account, WRONG);
    await aConversationTrying(PRIYA.account, WRONG);
    await aConversationTrying("UK999999", WRONG);
    await aConversationTrying("UK999999", WRONG);
    const real = await aConversationTrying(PRIYA.account, [PRIYA.postcode]);
    const invented = await aConversationTrying("UK999999", ["M1 1AA"]);
    expect(invented).toBe(real);
  });

  it("still waits after a restart, and lets the right postcode in once the window has passed", async () => {
    await start();
    await aConversationTrying(PRIYA.account, WRONG);
    await aConversationTrying(PRIYA.account, WRONG.slice(0, 2));
    await start(); // same folder, same clock start: inside the window
    expect(await aConversationTrying(PRIYA.account, [PRIYA.postcode])).toContain("right now");
    await start("2026-11-23T10:20:00Z");
    expect(await aConversationTrying(PRIYA.account, [PRIYA.postcode])).toContain("Thanks, Priya");
  });

  it("does not stop a customer who mistypes once or twice", async () => {
    await start();
    expect(await aConversationTrying(PRIYA.account, ["M1 1AA", "M14 5RT"])).toContain("Thanks, Priya");
  });
});
