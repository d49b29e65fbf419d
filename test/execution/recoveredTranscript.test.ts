/**
 * A crash after the outbox commit and before the conversation file was written: the restarted
 * server's recovery appends the transcript's missing turns (the customer's confirmation and the
 * receipt, marked as recovered) once, however often recovery runs, and the audit chain still
 * verifies. In process, on the embedded (lowdb) store: the crash point is simulated by letting
 * the confirming turn commit through the outbox and failing the conversation write after it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { repoRoot } from "../support/runFairexit.js";

const TO_CONFIRM = ["cancel my mobile, switching network", "UK318826", "M14 5RT", "yes", "continue", "yes"];
const CONVERSATION = "conv-recovered-transcript";

let dir: string;
const open: App[] = [];

const anApp = async () => {
  const app = await createApp(
    loadConfig(
      {
        FAIREXIT_STORE: "lowdb",
        FAIREXIT_DATA_DIR: dir,
        LOG_LEVEL: "silent",
        FAIREXIT_SECRET: "test-secret-for-the-recovered-transcript-test",
      },
      repoRoot,
    ),
    { clock: new ManualClock("2026-11-23T10:00:00Z") },
  );
  open.push(app);
  return app;
};
const closeAll = async () => {
  for (const app of open.splice(0)) await app.close();
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-recovered-"));
});
afterEach(async () => {
  await closeAll();
  await rm(dir, { recursive: true, force: true });
});

it("appends the confirmation and the receipt to the transcript once, marked as recovered", async () => {
  const first = await anApp();
  // The crash point: the turn that confirms commits to the outbox, then the process dies
  // before the conversation file is written.
  const conversations = first.store.conversations;
  const write = conversations.appendTurns.bind(conversations);
  conversations.appendTurns = async (id, turns, state, changes) => {
    if ((state as { executedAt?: unknown }).executedAt !== undefined) throw new Error("killed");
    return write(id, turns, state, changes);
  };
  let crashed = false;
  for (const line of TO_CONFIRM) {
    try {
      await first.engine.receive(CONVERSATION, line);
    } catch (e) {
      expect((e as Error).message).toBe("killed");
      crashed = true;
      break;
    }
  }
  expect(crashed).toBe(true);
  const before = await first.store.conversations.get(CONVERSATION);
  expect(before?.turns.some((t) => (t.meta as { card?: unknown } | undefined)?.card === "receipt")).toBe(
    false,
  );
  await closeAll();

  // Restarted, recovery runs; and again after another restart.
  for (let run = 0; run < 2; run++) {
    const app = await anApp();
    await app.engine.resumeUnfinished();
    await app.engine.resumeUnfinished();
    await closeAll();
  }
  const app = await anApp();
  const after = (await app.store.conversations.get(CONVERSATION))!;
  const recovered = after.turns.filter((t) => (t.meta as { recovered?: unknown } | undefined)?.recovered);
  expect(recovered.map((t) => t.speaker)).toEqual(["customer", "bot"]);
  const [confirmation, receipt] = recovered;
  const confirmingLine = TO_CONFIRM[before!.turns.filter((t) => t.speaker === "customer").length]!;
  expect(confirmation!.text).toBe(confirmingLine);
  expect(receipt!.text).toMatch(/^Cancellation confirmed\. Your reference is /);
  expect(receipt!.text).toMatch(/PAC is [A-Z0-9]+/);
  expect(receipt!.seq).toBe(confirmation!.seq + 1);
  expect(after.turns.map((t) => t.seq)).toEqual(after.turns.map((_, i) => i));
  expect(
    after.turns.filter((t) => (t.meta as { card?: unknown } | undefined)?.card === "receipt"),
  ).toHaveLength(1);
  expect((after.state as { executedAt?: unknown }).executedAt).toBeDefined();

  const audited = await app.store.audit.read({ conversationId: CONVERSATION });
  const receipts = audited.filter((e) => e.kind === "receipt");
  expect(receipts).toHaveLength(1);
  expect(receipts[0]!.data).toMatchObject({
    recovered: true,
    sha256: (receipt!.meta as { sha256: string }).sha256,
  });
  expect(audited.filter((e) => e.kind === "confirmation" && e.data.answer === "yes")).toHaveLength(1);
  expect(await app.store.audit.verify()).toEqual([]);
});
