/**
 * kill -9 while a customer's "yes" is being executed, on the real process: the demo customer
 * with the locked handset (PAC, unlock, mandate) is taken to "Shall I go ahead and cancel?",
 * says "yes", and the process is killed 0-30 ms later. Restarted on the same data folder, she
 * says "Keep my service". Either the cancellation was confirmed, and she is told it is done
 * (with its reference), every action is delivered exactly once and the receipt (with her PAC)
 * after them; or it was not, and nothing at all was executed. FAIREXIT_CRASH_RUNS sets how
 * many runs (default 8).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DirectLineClient } from "../support/directLineClient.js";
import { startFairexit } from "../support/runFairexit.js";

const RUNS = Number(process.env.FAIREXIT_CRASH_RUNS ?? 8);
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const env = (dir: string) => ({
  PORT: "0",
  HOST: "127.0.0.1",
  LOG_LEVEL: "silent",
  FAIREXIT_STORE: "lowdb",
  FAIREXIT_DATA_DIR: dir,
  FAIREXIT_CLOCK_START: "2026-11-23T10:00:00Z",
  FAIREXIT_SECRET: "crash-test-secret-0123456789abcdef",
});

const lines = async (file: string): Promise<Record<string, unknown>[]> => {
  const text = await readFile(file, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
};

interface Folder {
  outbox: Record<string, unknown>[];
  operations: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
  audit: Record<string, unknown>[];
}
const folder = async (dir: string): Promise<Folder> => ({
  outbox: await lines(join(dir, "outbox.jsonl")),
  operations: await lines(join(dir, "operations.jsonl")),
  notifications: await lines(join(dir, "notifications.jsonl")),
  audit: await lines(join(dir, "audit.jsonl")),
});

/** Ids of the items the outbox holds, however they were recorded. */
const enqueuedIds = (outbox: Record<string, unknown>[]): string[] =>
  outbox.flatMap((e) => {
    if (e.event === "enqueued") return [String((e.item as { id: string }).id)];
    if (e.event === "committed") return (e.items as { id: string }[]).map((i) => i.id);
    return [];
  });
const deliveredIds = (outbox: Record<string, unknown>[]) =>
  outbox.filter((e) => e.event === "delivered").map((e) => String(e.id));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outcome {
  delay: number;
  confirmed: boolean;
  /** The kill came after the commit and before the conversation and audit log showed it. */
  recovered: boolean;
  problems: string[];
}

async function oneRun(run: number): Promise<Outcome> {
  const dir = await mkdtemp(join(tmpdir(), `fairexit-crash-${run}-`));
  dirs.push(dir);
  const first = await startFairexit(env(dir));
  let chat: DirectLineClient;
  const delay = Math.floor(Math.random() * 31);
  try {
    chat = await DirectLineClient.anonymous(first.baseUrl);
    await chat.start();
    await chat.poll();
    for (const line of ["cancel my mobile, switching network", "UK318826", "M14 5RT", "yes", "continue"])
      await chat.says(line);
    const asked = chat.seen.at(-1)?.text ?? "";
    expect(asked).toContain("Shall I go ahead and cancel?");
    const yes = chat.post({ type: "message", text: "yes" }).catch(() => undefined);
    await sleep(delay);
    first.child.kill("SIGKILL");
    await yes;
  } finally {
    first.child.kill("SIGKILL"); // also when the run failed before the kill: no process is left behind
    await first.exited;
  }

  const second = await startFairexit(env(dir));
  const problems: string[] = [];
  let confirmed = false;
  let recovered = false;
  try {
    const again = new DirectLineClient(second.baseUrl, chat.session);
    const replies = (await again.says("Keep my service")).map((a) => a.text ?? "").join("\n");
    const said = {
      nothingChanged: /nothing has been changed/i.test(replies),
      done: /already cancelled/i.test(replies),
    };
    // Give the restarted server's dispatcher the time it needs to finish what was confirmed.
    let data = await folder(dir);
    for (let i = 0; i < 50; i++) {
      const pending = enqueuedIds(data.outbox).filter((id) => !deliveredIds(data.outbox).includes(id));
      const dueNow = pending.filter((id) => !id.startsWith("reminder"));
      if (dueNow.length === 0) break;
      await sleep(100);
      data = await folder(dir);
    }
    const conversationId = chat.session.conversationId;
    const audited = data.audit.filter((e) => e.conversationId === conversationId);
    const confirmation = audited.find(
      (e) => e.kind === "confirmation" && (e.data as { answer?: string }).answer === "yes",
    );
    confirmed = enqueuedIds(data.outbox).length > 0;
    recovered = audited.some((e) => (e.data as { recovered?: boolean }).recovered === true);
    if (!confirmed) {
      if (!said.nothingChanged) problems.push(`not confirmed, but the bot said: ${replies}`);
      if (data.operations.length > 0) problems.push("not confirmed, but operations were executed");
      if (data.notifications.length > 0) problems.push("not confirmed, but messages were sent");
      if (confirmation) problems.push("not confirmed, but the audit holds a confirmation");
    } else {
      const reference = replies.match(/FX-\d{8}-[0-9A-F]{6}/)?.[0];
      if (said.nothingChanged || !said.done || !reference)
        problems.push(`confirmed, but the bot said: ${replies}`);
      if (!confirmation) problems.push("confirmed, but the audit holds no confirmation");
      if (!audited.some((e) => e.kind === "action")) problems.push("confirmed, but no action in the audit");
      const keys = data.operations.map((o) => String(o.key));
      if (new Set(keys).size !== keys.length) problems.push(`an action executed twice: ${keys}`);
      for (const kind of ["end_service", "issue_porting_code", "request_unlock", "final_bill"])
        if (!data.operations.some((o) => (o.action as { kind: string }).kind === kind))
          problems.push(`${kind} was not executed`);
      const receipts = data.notifications.filter((n) =>
        String(n.subject ?? "").startsWith("Your cancellation"),
      );
      if (receipts.length !== 1) problems.push(`${receipts.length} receipts`);
      const pac = data.operations.find((o) => (o.action as { kind: string }).kind === "issue_porting_code");
      const code = (pac?.result as { code?: string } | undefined)?.code;
      if (receipts[0] && (!code || !String(receipts[0].body).includes(code)))
        problems.push("the receipt does not give the PAC");
      if (reference && receipts[0] && !String(receipts[0].subject).includes(reference))
        problems.push("the receipt has another reference");
      // The receipt is delivered after every action it reports.
      const delivered = deliveredIds(data.outbox);
      const receiptId = `receipt:${conversationId}`;
      const receiptAt = delivered.indexOf(receiptId);
      if (receiptAt === -1) problems.push("the receipt was never delivered");
      const actionIds = enqueuedIds(data.outbox).filter(
        (id) => id !== receiptId && !id.startsWith("reminder"),
      );
      for (const id of actionIds) {
        const at = delivered.indexOf(id);
        if (at === -1) problems.push(`${id} never delivered`);
        else if (receiptAt !== -1 && at > receiptAt) problems.push(`the receipt went out before ${id}`);
      }
      if (new Set(delivered).size !== delivered.length) problems.push("an outbox item was delivered twice");
    }
  } finally {
    second.child.kill("SIGTERM");
    await second.exited;
  }
  return { delay, confirmed, recovered, problems };
}

describe("kill -9 while a confirmed cancellation is executed", () => {
  it(
    `never tells a customer nothing changed when it did, and never loses or repeats an action (${RUNS} runs)`,
    async () => {
      const outcomes: Outcome[] = [];
      for (let run = 0; run < RUNS; run++) outcomes.push(await oneRun(run));
      const wrong = outcomes.filter((o) => o.problems.length > 0);
      const confirmed = outcomes.filter((o) => o.confirmed).length;
      const recovered = outcomes.filter((o) => o.recovered).length;
      process.stdout.write(
        `kill -9 runs: ${outcomes.length}, confirmed before the kill: ${confirmed} (of which recovered from the outbox after the restart: ${recovered}), wrong outcomes: ${wrong.length}\n`,
      );
      expect(wrong.map((o) => o.problems)).toEqual([]);
    },
    60_000 + RUNS * 20_000,
  );
});
