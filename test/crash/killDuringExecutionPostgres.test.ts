/**
 * kill -9 while a customer's "yes" is being executed, on PostgreSQL, with the real process
 * (DATABASE_URL to a database of this run's own): the demo customer with the locked handset
 * (PAC, unlock, mandate) is taken to "Shall I go ahead and cancel?", says "yes", and the process
 * is killed 0-30 ms later (even runs), or later, at 0.5-2 times as long as her previous turn took
 * (odd runs: on a loaded machine the "yes" turn outlasts 30 ms, and these land during the execution
 * or after it, before the receipt). Restarted on the same database, she says "Keep my service". Either
 * the cancellation was confirmed, and she is told it is done (with its reference), there is one
 * cancellation, each action is executed once and the receipt (with her PAC) is sent once, after
 * them; or it was not, and nothing at all was executed. Either way `fairexit audit verify`
 * passes. FAIREXIT_CRASH_RUNS sets how many runs (default 4: each starts three processes).
 */
import pg from "pg";
import { expect, it } from "vitest";
import { DirectLineClient } from "../support/directLineClient.js";
import { createTestDatabase, describePostgres } from "../support/postgres.js";
import { runFairexit, startFairexit } from "../support/runFairexit.js";

const RUNS = Number(process.env.FAIREXIT_CRASH_RUNS ?? 4);
const SECRET = "crash-test-secret-0123456789abcdef";
/**
 * The bound on the wait for delivery: the outbox lease (60 s) plus two dispatcher ticks (15 s
 * each) and some slack, the fallback should the killed instance's liveness lock outlive it.
 */
const LEASE_WAIT_MS = 100_000;

const CLOCK_START = "2026-11-23T10:00:00Z";
/**
 * Every process's clock starts at CLOCK_START; `since` (a wall-clock ms instant) moves the start
 * on by the time that has passed since then, so a restarted instance's clock goes on from where
 * the killed one's was, as a real clock does, instead of going back to the start (delivery
 * times of the two processes are compared).
 */
const env = (databaseUrl: string, since?: number) => ({
  PORT: "0",
  HOST: "127.0.0.1",
  LOG_LEVEL: "silent",
  DATABASE_URL: databaseUrl,
  FAIREXIT_CLOCK_START:
    since === undefined ? CLOCK_START : new Date(Date.parse(CLOCK_START) + Date.now() - since).toISOString(),
  FAIREXIT_SECRET: SECRET,
});

interface Rows {
  outbox: { id: string; status: string; item: { deliveredAt?: string; after?: string[] } }[];
  operations: { key: string; action: { kind: string }; result: { code?: string } }[];
  notifications: { key: string; message: { subject?: string; body?: string } }[];
  audit: { kind: string; data: { answer?: string; recovered?: boolean } }[];
  cancellations: number;
}

async function rowsOf(url: string, conversationId: string): Promise<Rows> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const q = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
      (await c.query<T>(sql, params)).rows;
    return {
      outbox: (
        await q<{ id: string; status: string; item: string }>("SELECT id, status, item FROM outbox_items")
      ).map((r) => ({ ...r, item: JSON.parse(r.item) })),
      operations: (
        await q<{ key: string; action: string; result: string }>("SELECT * FROM operations_journal")
      ).map((r) => ({ key: r.key, action: JSON.parse(r.action), result: JSON.parse(r.result) })),
      notifications: (
        await q<{ idempotency_key: string; message: string }>(
          "SELECT idempotency_key, message FROM notifications ORDER BY sent",
        )
      ).map((r) => ({ key: r.idempotency_key, message: JSON.parse(r.message) })),
      audit: (
        await q<{ entry: string }>(
          "SELECT entry FROM audit_entries WHERE conversation_id = $1 ORDER BY seq",
          [conversationId],
        )
      ).map((r) => JSON.parse(r.entry)),
      cancellations: Number((await q<{ n: string }>("SELECT count(*) AS n FROM cancellations"))[0]!.n),
    };
  } finally {
    await c.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outcome {
  delay: number;
  confirmed: boolean;
  recovered: boolean;
  /** How long after the restarted server's first answer the last due item was delivered. */
  waitedMs: number;
  problems: string[];
}

async function oneRun(run: number): Promise<Outcome> {
  const database = await createTestDatabase();
  try {
    return await runOn(database.url, run);
  } finally {
    await database.drop();
  }
}

async function runOn(url: string, run: number): Promise<Outcome> {
  const firstStarted = Date.now();
  const first = await startFairexit(env(url));
  let chat: DirectLineClient;
  let delay = Math.floor(Math.random() * 31);
  try {
    chat = await DirectLineClient.anonymous(first.baseUrl);
    await chat.start();
    await chat.poll();
    for (const line of ["cancel my mobile, switching network", "UK318826", "M14 5RT", "yes"])
      await chat.says(line);
    const started = performance.now();
    await chat.says("continue");
    const turnMs = performance.now() - started;
    if (run % 2 === 1) delay = Math.round(turnMs * (0.5 + (1.5 * run) / Math.max(1, RUNS - 1)));
    expect(chat.seen.at(-1)?.text ?? "").toContain("Shall I go ahead and cancel?");
    const yes = chat.post({ type: "message", text: "yes" }).catch(() => undefined);
    await sleep(delay);
    first.child.kill("SIGKILL");
    await yes;
  } finally {
    first.child.kill("SIGKILL"); // also when the run failed before the kill: no process is left behind
    await first.exited;
  }

  const second = await startFairexit(env(url, firstStarted));
  const problems: string[] = [];
  let data: Rows;
  let replies: string;
  let waitedMs = 0;
  const conversationId = chat.session.conversationId;
  try {
    const again = new DirectLineClient(second.baseUrl, chat.session);
    replies = (await again.says("Keep my service")).map((a) => a.text ?? "").join("\n");
    // Give the restarted server's dispatcher the time it needs to finish what was confirmed: what
    // the killed instance had claimed is taken over at once (its liveness lock went with its
    // session: instanceLiveness, pgOutbox), at the restarted server's start or next tick.
    const answeredAt = performance.now();
    data = await rowsOf(url, conversationId);
    for (let i = 0; i < LEASE_WAIT_MS / 500; i++) {
      const dueNow = data.outbox.filter((o) => o.status === "pending" && !o.id.startsWith("reminder"));
      if (dueNow.length === 0) break;
      await sleep(500);
      data = await rowsOf(url, conversationId);
    }
    waitedMs = Math.round(performance.now() - answeredAt);
  } finally {
    second.child.kill("SIGTERM");
    await second.exited;
  }

  const said = {
    nothingChanged: /nothing has been changed/i.test(replies),
    done: /already cancelled/i.test(replies),
  };
  const confirmation = data.audit.find((e) => e.kind === "confirmation" && e.data.answer === "yes");
  const confirmed = data.outbox.length > 0;
  const recovered = data.audit.some((e) => e.data.recovered === true);
  if (!confirmed) {
    if (!said.nothingChanged) problems.push(`not confirmed, but the bot said: ${replies}`);
    if (data.operations.length > 0) problems.push("not confirmed, but operations were executed");
    if (data.notifications.length > 0) problems.push("not confirmed, but messages were sent");
    if (confirmation) problems.push("not confirmed, but the audit holds a confirmation");
    if (data.cancellations !== 0)
      problems.push(`not confirmed, but ${data.cancellations} cancellations recorded`);
  } else {
    const reference = replies.match(/FX-\d{8}-[0-9A-F]{6}/)?.[0];
    if (said.nothingChanged || !said.done || !reference)
      problems.push(`confirmed, but the bot said: ${replies}`);
    if (!confirmation) problems.push("confirmed, but the audit holds no confirmation");
    if (!data.audit.some((e) => e.kind === "action")) problems.push("confirmed, but no action in the audit");
    if (data.cancellations !== 1) problems.push(`${data.cancellations} cancellations recorded`);
    for (const kind of ["end_service", "issue_porting_code", "request_unlock", "final_bill"]) {
      const done = data.operations.filter((o) => o.action.kind === kind);
      if (done.length !== 1) problems.push(`${kind} executed ${done.length} times`);
    }
    const receipts = data.notifications.filter((n) =>
      String(n.message.subject ?? "").startsWith("Your cancellation"),
    );
    if (receipts.length !== 1) problems.push(`${receipts.length} receipts`);
    const code = data.operations.find((o) => o.action.kind === "issue_porting_code")?.result.code;
    if (receipts[0] && (!code || !String(receipts[0].message.body).includes(code)))
      problems.push("the receipt does not give the PAC");
    if (reference && receipts[0] && !String(receipts[0].message.subject).includes(reference))
      problems.push("the receipt has another reference");
    const receipt = data.outbox.find((o) => o.id === `receipt:${conversationId}`);
    if (receipt?.status !== "delivered")
      problems.push(`the receipt is ${receipt?.status ?? "not in the outbox"}`);
    for (const o of data.outbox.filter((x) => x !== receipt && !x.id.startsWith("reminder"))) {
      if (o.status !== "delivered") problems.push(`${o.id} is ${o.status}`);
      else if (receipt?.item.deliveredAt && o.item.deliveredAt! > receipt.item.deliveredAt)
        problems.push(`the receipt went out before ${o.id}`);
    }
    if (receipt && !(receipt.item.after ?? []).length) problems.push("the receipt waits for no action");
  }
  const verified = await runFairexit(["audit", "verify"], env(url));
  if (verified.code !== 0 || !/chain intact/.test(verified.stdout))
    problems.push(`audit verify: ${verified.code} ${verified.stdout} ${verified.stderr}`);
  return { delay, confirmed, recovered, waitedMs, problems };
}

describePostgres("kill -9 on PostgreSQL while a confirmed cancellation is executed", () => {
  it(
    `never tells a customer nothing changed when it did, and never loses or repeats an action (${RUNS} runs)`,
    async () => {
      const outcomes: Outcome[] = [];
      for (let run = 0; run < RUNS; run++) outcomes.push(await oneRun(run));
      const wrong = outcomes.filter((o) => o.problems.length > 0);
      const confirmed = outcomes.filter((o) => o.confirmed).length;
      const recovered = outcomes.filter((o) => o.recovered).length;
      process.stdout.write(
        `kill -9 runs on PostgreSQL: ${outcomes.length} (delays ${outcomes.map((o) => o.delay).join(", ")} ms), confirmed before the kill: ${confirmed} (of which recovered after the restart: ${recovered}), waited for delivery after the restart: ${outcomes.map((o) => `${(o.waitedMs / 1000).toFixed(1)} s`).join(", ")}, wrong outcomes: ${wrong.length}\n`,
      );
      expect(wrong.map((o) => `${o.delay} ms: ${o.problems.join("; ")}`)).toEqual([]);
    },
    60_000 + RUNS * (60_000 + LEASE_WAIT_MS),
  );
});
