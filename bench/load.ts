/**
 * bench/load: many concurrent Web Chat customers against real `fairexit start` processes, over
 * FairExit's own Direct Line endpoint, in three set-ups measured in the same run:
 *
 *   1. one instance on the embedded store (what `npm start` runs);
 *   2. one instance on PostgreSQL (the baseline of the ratio);
 *   3. two instances on the same PostgreSQL database, with no sticky sessions: every message of
 *      a conversation goes to the other instance than the one before, and so does every poll;
 *   4. and 5. set-ups 2 and 3 again with each instance held to the same CPU budget
 *      (`--cpu-per-instance`, default half a core, through a Linux control group: bench/cpuBudget.ts),
 *      so the ratio says whether a second instance adds throughput when it brings its own CPU,
 *      which is what adding an instance means in production.
 *
 * Each of `--conversations` virtual customers runs cancellation conversations back to back for
 * `--seconds`: it takes a token, starts the conversation, and answers the bot's last question with
 * test/bot/simulatedCustomer's nextLine until the conversation is closed or handed over (guard 30
 * turns). The customers are copies of the 13 demo customers with their own ids and account
 * numbers (`--customers`, default 2,000), so the run cancels real services instead of hearing
 * "already cancelled" after the first minute. A turn is one POST of a message and the GET of the
 * replies; latency is measured from the POST to the reply's arrival. Any non-2xx is an error.
 *
 * Reported per set-up: turns/s, p50 and p99 of a turn, errors; the two-instance to one-instance
 * throughput ratio on PostgreSQL (goal >= 1.6x); and the memory per idle conversation (goal
 * under 20 KB): in this process, `--idle` conversations are started on an App with the embedded
 * store and left after two messages; the heap after a full GC, less the heap before, divided by
 * the count.
 *
 *     node --expose-gc --import tsx bench/load.ts [--conversations 500] [--seconds 60]
 *                                                 [--customers 2000] [--idle 2000]
 *                                                 [--cpu-per-instance 0.5]
 *                                                 [--only embedded|pg1|pg2|pg1-budget|pg2-budget|memory]
 *
 * PostgreSQL: the server at FAIREXIT_BENCH_PG (default postgres://postgres@127.0.0.1:5432/postgres)
 * gets a database of its own, dropped at the end. The instances, PostgreSQL and this load generator
 * share the machine: on 2 cores the unbudgeted ratio says how much a second instance gains when
 * the cores are already shared, not what it gains on a machine of its own; the budgeted ratio
 * holds each instance to the same CPU and leaves the rest to PostgreSQL and the load generator.
 * Every set-up reports the CPU seconds its instances, PostgreSQL and the load generator used.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { readCustomerFile } from "../src/adapters/files/readCustomerFile.js";
import { createApp } from "../src/app.js";
import type { BotStage } from "../src/bot/conversationState.js";
import { newConversationId, newUserId } from "../src/channels/directLine/directLineToken.js";
import { loadConfig } from "../src/config.js";
import type { Customer } from "../src/domain/customer.js";
import { nextLine } from "../test/bot/simulatedCustomer.js";
import { repoRoot, startFairexit } from "../test/support/runFairexit.js";
import { cpuBudget, postgresCpuSeconds, processCpuSeconds } from "./cpuBudget.js";

const { values: args } = parseArgs({
  options: {
    conversations: { type: "string", default: "500" },
    seconds: { type: "string", default: "60" },
    customers: { type: "string", default: "2000" },
    idle: { type: "string", default: "2000" },
    only: { type: "string" },
    "cpu-per-instance": { type: "string", default: "0.5" },
  },
});
const CONVERSATIONS = Number(args.conversations);
const SECONDS = Number(args.seconds);
const CUSTOMERS = Number(args.customers);
const IDLE = Number(args.idle);
const GUARD = 30;
const ADMIN_PG = process.env.FAIREXIT_BENCH_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECRET = "bench-load-secret-shared-by-every-instance-0123";
/** Cores each instance may use in the budgeted set-ups (see bench/cpuBudget.ts). */
const CPU_PER_INSTANCE = Number(args["cpu-per-instance"]);

/** Copies of the demo customers with their own ids, account numbers and e-mail addresses. */
async function manyCustomers(count: number): Promise<{ file: object; customers: Customer[] }> {
  const demo = await readCustomerFile(join(repoRoot, "data/demo/customers.json"));
  const customers: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const base = demo.customers[i % demo.customers.length]!;
    const n = Math.floor(i / demo.customers.length);
    customers.push({
      ...base,
      id: `${base.id}-${n}`,
      accountNumber: `${base.accountNumber}${String(n).padStart(4, "0")}`,
      email: base.email.replace("@", `+${n}@`),
    });
  }
  return { file: { schemaVersion: demo.schemaVersion, coverage: demo.coverage, customers }, customers };
}

interface Outcome {
  turns: number;
  conversations: number;
  errors: number;
  latencies: number[];
  seconds: number;
  /** CPU seconds used during the run by the instances, PostgreSQL and this load generator. */
  cpu?: { instances: number; postgres: number; loadGenerator: number };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 2 * CONVERSATIONS });

function request(
  url: string,
  method: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(data ? { "content-type": "application/json", "content-length": Buffer.byteLength(data) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on("error", reject);
    if (data) req.write(data);
    req.end();
  });
}

interface DlActivity {
  from: { role: string };
  channelData?: { fairexit?: { stage: BotStage; expecting: string } };
}

/** One virtual customer: conversations back to back until `until`, alternating `urls` per request. */
async function virtualCustomer(
  urls: readonly string[],
  customers: readonly Customer[],
  next: () => number,
  until: number,
  out: Outcome,
): Promise<void> {
  let hop = 0;
  const url = () => urls[hop++ % urls.length]!;
  while (performance.now() < until) {
    // A refused or reset connection is an error of the run, counted, never a crash of the bench.
    await oneConversation(url, customers, next, until, out).catch(() => {
      out.errors++;
    });
  }
}

async function oneConversation(
  url: () => string,
  customers: readonly Customer[],
  next: () => number,
  until: number,
  out: Outcome,
): Promise<void> {
  const customer = customers[next() % customers.length]!;
  const tokenRes = await request(`${url()}/api/webchat/token`, "POST", undefined);
  if (tokenRes.status !== 200) {
    out.errors++;
    return;
  }
  const session = tokenRes.json as { conversationId: string; token: string; userId: string };
  const base = (u: string) => `${u}/v3/directline/conversations/${session.conversationId}`;
  if ((await request(`${url()}/v3/directline/conversations`, "POST", session.token)).status !== 201) {
    out.errors++;
    return;
  }
  let watermark = "0";
  const poll = async (): Promise<DlActivity[] | undefined> => {
    const res = await request(`${base(url())}/activities?watermark=${watermark}`, "GET", session.token);
    if (res.status !== 200) return undefined;
    const body = res.json as { activities: DlActivity[]; watermark: string };
    watermark = body.watermark;
    return body.activities;
  };
  let last = (await poll())?.filter((a) => a.from.role === "bot").at(-1);
  for (let turn = 0; turn < GUARD && performance.now() < until; turn++) {
    const state = last?.channelData?.fairexit ?? { stage: "greeting" as BotStage, expecting: "anything" };
    const line = nextLine(state as Parameters<typeof nextLine>[0], customer);
    if (line === undefined) break;
    const started = performance.now();
    const posted = await request(`${base(url())}/activities`, "POST", session.token, {
      type: "message",
      text: line,
      from: { id: session.userId },
    });
    const replies = posted.status === 200 ? await poll() : undefined;
    if (!replies) {
      out.errors++;
      break;
    }
    out.latencies.push(performance.now() - started);
    out.turns++;
    last = replies.filter((a) => a.from.role === "bot").at(-1) ?? last;
  }
  out.conversations++;
}

async function drive(urls: readonly string[], customers: readonly Customer[]): Promise<Outcome> {
  const out: Outcome = { turns: 0, conversations: 0, errors: 0, latencies: [], seconds: SECONDS };
  let counter = 0;
  const start = performance.now();
  const until = start + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONVERSATIONS }, () =>
      virtualCustomer(urls, customers, () => counter++, until, out),
    ),
  );
  out.seconds = (performance.now() - start) / 1000;
  return out;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

function report(name: string, o: Outcome): number {
  const rate = o.turns / o.seconds;
  console.log(
    `${name.padEnd(44)} ${rate.toFixed(1).padStart(7)} turns/s  p50 ${percentile(o.latencies, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(o.latencies, 99).toFixed(1).padStart(7)} ms  conversations ${o.conversations}  errors ${o.errors}`,
  );
  if (o.cpu) {
    const { instances, postgres, loadGenerator } = o.cpu;
    console.log(
      `${"".padEnd(44)} CPU s: instances ${instances.toFixed(1)}, PostgreSQL ${postgres.toFixed(1)}, load generator ${loadGenerator.toFixed(1)} (of ${(2 * o.seconds).toFixed(0)} on 2 cores); ${(o.turns / instances).toFixed(0)} turns per instance CPU second`,
    );
  }
  return rate;
}

/** `drive`, with the CPU time each party used during it. */
async function measured(pids: readonly number[], urls: readonly string[], customers: readonly Customer[]) {
  const instanceCpu = () => pids.reduce((sum, pid) => sum + processCpuSeconds(pid), 0);
  const before = { instances: instanceCpu(), postgres: postgresCpuSeconds(), self: process.cpuUsage() };
  const out = await drive(urls, customers);
  const self = process.cpuUsage(before.self);
  out.cpu = {
    instances: instanceCpu() - before.instances,
    postgres: postgresCpuSeconds() - before.postgres,
    loadGenerator: (self.user + self.system) / 1e6,
  };
  return out;
}

const baseEnv = (extra: Record<string, string>) => ({
  PORT: "0",
  HOST: "127.0.0.1",
  LOG_LEVEL: "silent",
  FAIREXIT_SECRET: SECRET,
  FAIREXIT_CLOCK_START: "2026-11-23T10:00:00Z",
  FAIREXIT_RATE_LIMIT_PER_CLIENT: "1000000",
  FAIREXIT_RATE_LIMIT_PER_CONVERSATION: "100000",
  FAIREXIT_RATE_LIMIT_TOKENS_PER_CLIENT: "1000000",
  ...extra,
});

async function withInstances<T>(
  count: number,
  env: Record<string, string>,
  work: (urls: string[], pids: number[]) => Promise<T>,
  cores?: number,
): Promise<T> {
  const started = [];
  const budgets = [];
  // One after the other: the first migrates and seeds, the next finds it done.
  for (let i = 0; i < count; i++) {
    const s = await startFairexit(baseEnv(env));
    started.push(s);
    if (cores !== undefined) {
      const budget = cpuBudget(`fairexit-bench-load-${process.pid}-${i}`, cores);
      if (typeof budget === "string") throw new Error(`no CPU budget: ${budget}`);
      budget.confine(s.child.pid!);
      budgets.push(budget);
    }
  }
  try {
    return await work(
      started.map((s) => s.baseUrl),
      started.map((s) => s.child.pid!),
    );
  } finally {
    for (const s of started) s.child.kill("SIGTERM");
    await Promise.all(started.map((s) => s.exited));
    for (const b of budgets) b.remove();
  }
}

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `fairexit_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: ADMIN_PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(ADMIN_PG);
  u.pathname = `/${name}`;
  try {
    return await work(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Heap kept per idle Web Chat conversation on the embedded store, in this process. */
async function memoryPerIdleConversation(dir: string, customerFile: string, customers: Customer[]) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  const app = await createApp(
    loadConfig(
      baseEnv({
        FAIREXIT_STORE: "lowdb",
        FAIREXIT_DATA_DIR: join(dir, "idle"),
        FAIREXIT_DEMO_DATA: customerFile,
      }),
      repoRoot,
    ),
  );
  try {
    const { conversations } = app.directLine;
    // Warm up: every module loaded, caches of the policy filled.
    for (let i = 0; i < 50; i++) {
      const grant = { conversationId: newConversationId(), userId: newUserId() };
      await conversations.start(grant);
      await conversations.post(grant, { type: "message", text: "I want to cancel" });
    }
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < IDLE; i++) {
      const grant = { conversationId: newConversationId(), userId: newUserId() };
      await conversations.start(grant);
      await conversations.post(grant, { type: "message", text: "I want to cancel" });
      await conversations.post(grant, {
        type: "message",
        text: customers[i % customers.length]!.accountNumber,
      });
    }
    gc();
    gc();
    return (process.memoryUsage().heapUsed - before) / IDLE;
  } finally {
    await app.close();
  }
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), "fairexit-bench-load-"));
  try {
    const { file, customers } = await manyCustomers(CUSTOMERS);
    const customerFile = join(dir, "customers.json");
    await writeFile(customerFile, JSON.stringify(file));
    console.log(
      `bench/load: ${CONVERSATIONS} concurrent Web Chat conversations for ${SECONDS} s a set-up, ${CUSTOMERS} customers`,
    );
    const only = args.only;
    const wanted = (name: string) => !only || only === name;
    if (wanted("embedded"))
      await withInstances(
        1,
        {
          FAIREXIT_STORE: "lowdb",
          FAIREXIT_DATA_DIR: join(dir, "embedded"),
          FAIREXIT_DEMO_DATA: customerFile,
        },
        async (urls, pids) => report("one instance, embedded store", await measured(pids, urls, customers)),
      );
    const pgEnv = (url: string) => ({ DATABASE_URL: url, FAIREXIT_DEMO_DATA: customerFile });
    const onPostgres = (count: 1 | 2, cores?: number) =>
      withDatabase((url) =>
        withInstances(
          count,
          pgEnv(url),
          async (urls, pids) =>
            report(
              `${count === 1 ? "one instance" : "two instances"}, PostgreSQL${count === 2 ? ", no pins" : ""}${cores === undefined ? "" : `, ${cores} core each`}`,
              await measured(pids, urls, customers),
            ),
          cores,
        ),
      );
    const ratio = (name: string, one?: number, two?: number) => {
      if (one && two)
        console.log(
          `two instances / one instance on PostgreSQL, ${name}: ${(two / one).toFixed(2)}x (goal >= 1.6x)`,
        );
    };
    const pg1 = wanted("pg1") ? await onPostgres(1) : undefined;
    const pg2 = wanted("pg2") ? await onPostgres(2) : undefined;
    ratio("cores shared by everything", pg1, pg2);
    if (wanted("pg1-budget") || wanted("pg2-budget")) {
      const probe = cpuBudget(`fairexit-bench-load-${process.pid}-probe`, CPU_PER_INSTANCE);
      if (typeof probe === "string")
        console.log(`instances with a CPU budget of their own: skipped (${probe}; run as root on Linux)`);
      else {
        probe.remove();
        const b1 = wanted("pg1-budget") ? await onPostgres(1, CPU_PER_INSTANCE) : undefined;
        const b2 = wanted("pg2-budget") ? await onPostgres(2, CPU_PER_INSTANCE) : undefined;
        ratio(`each instance held to ${CPU_PER_INSTANCE} core`, b1, b2);
      }
    }
    if (!only || only === "memory") {
      const perConversation = await memoryPerIdleConversation(dir, customerFile, customers);
      console.log(
        perConversation === undefined
          ? "memory per idle conversation: run with node --expose-gc to measure"
          : `memory per idle conversation (embedded store, ${IDLE} conversations): ${(perConversation / 1024).toFixed(1)} KB (goal < 20 KB)`,
      );
    }
  } finally {
    agent.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
