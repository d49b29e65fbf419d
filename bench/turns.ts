/**
 * bench/turns: complete scripted cancellation conversations over HTTP — POST /api/messages with
 * `deliveryMode: "expectReplies"`, 50 concurrent conversations — against FairExit's real server
 * (restify + botbuilder CloudAdapter, memory store, demo customers, default policy packs, no LLM,
 * silent logs) and, in the same run, against a bare botbuilder echo bot on the same restify stack
 * (bench/echoBot.ts): the cost of HTTP + botbuilder alone. Turns per second and latency per
 * request (p50, p99) for both, and the ratios.
 * Goal: FairExit >= 0.7x the echo bot's throughput and FairExit p99 <= 2x the echo bot's.
 *
 *     node --import tsx bench/turns.ts [--rounds 3] [--seconds 5] [--warmup 2] [--concurrency 50]
 *                                      [--client-thread worker|main] [--client http|fetch]
 *                                      [--only FairExit|echo]   (one side alone, e.g. to profile it)
 *                                      [--echo-adapter stock|fairexit]
 *
 * The echo bot is the stock CloudAdapter (a bare echo bot as anyone would write it) unless
 * `--echo-adapter fairexit`: then it runs on the adapter setup of FairExit's endpoint
 * (src/adapters/botframework/README.md): botbuilder's connector and user-token clients reused
 * across activities, and the activity handed to the adapter's `processActivity` once checked,
 * without the five zod 3 schemas the stock `process` builds per request. Together they cut
 * the stock adapter's cost per turn by more than half. The goal is stated against the stock
 * echo bot; the other figure shows FairExit's own cost over the very same adapter setup.
 *
 * Each of the 50 virtual customers runs conversations back to back, each with the next demo
 * customer: on FairExit it joins (conversationUpdate), then answers with test/bot/simulatedCustomer's
 * nextLine from the last reply's channelData.fairexit {stage, expecting} until the stage is closed or
 * handover (a hand-over to a person is a complete conversation too), guard 30 turns. The echo bot gets
 * the same activities: the join, then the same texts as FairExit's conversation for that customer
 * (recorded during FairExit's warm-up), so both sides serve the same number of turns per
 * conversation with the same bodies. A round runs one side for a fixed window; a customer stops at
 * the end of the window even mid-conversation; turns/s = requests answered / round time.
 * Both servers live in this process and only one is loaded at a time; rounds alternate
 * (echo, FairExit, then FairExit, echo, …) so both see the same machine load, and the ratios use
 * the rounds pooled (all turns over all time, percentiles over all latencies).
 *
 * The load generator runs in a worker thread by default (--client-thread main puts it on the
 * servers' thread): on an otherwise idle 2-core machine the servers get one core and the client
 * the other, so the client's own cost (building and parsing JSON, HTTP framing) neither slows
 * the server under test nor flattens the ratio (same-thread, the client's fixed cost per request
 * is added to both sides and pulls the ratio towards 1). When other processes keep both cores
 * busy the two threads compete with them too, and turns/s can come out lower than same-thread;
 * compare with --client-thread main if the machine is shared. Latency is measured in the client
 * (hrtime, request written to body parsed), so it includes the loopback and the client; the client
 * is identical for both sides. Node's http.request with a keep-alive Agent (maxSockets = the
 * concurrency), fresh per round, is the default client: it costs less per request than fetch
 * (undici's WHATWG layer). Any non-200, network error, reply without FairExit's channelData or
 * conversation over the guard makes the run invalid: it says so and exits 1.
 *
 * Diagnostics per round: "loop max" is the servers' longest event-loop stall (ms), "ELU" their
 * event-loop utilisation (near 1: the server thread was the bottleneck; well below 1: the client
 * or the machine was) and "busy ms" the server thread's busy time per turn (with
 * --client-thread main it includes the client's) — less sensitive to other load than turns/s.
 *
 * Caveats: both servers and (by default) the client share this machine with whatever else runs;
 * FairExit's memory store keeps every conversation of the run (a few thousand), as a server would.
 */
import http from "node:http";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { readCustomerFile } from "../src/adapters/files/readCustomerFile.js";
import type { BotStage } from "../src/bot/conversationState.js";
import type { Customer } from "../src/domain/customer.js";
import { nextLine } from "../test/bot/simulatedCustomer.js";

type Side = "echo" | "FairExit";
type ClientKind = "http" | "fetch";

interface GeneratorOptions {
  concurrency: number;
  client: ClientKind;
  guard: number;
}
interface RoundRequest {
  side: Side;
  url: string;
  seconds: number;
  tag: string;
  /** Warm-up: conversations under way at the end of the window run to their end. */
  finish?: boolean;
}
interface RoundResult {
  side: Side;
  turns: number;
  seconds: number;
  latencies: Float64Array;
  conversations: number;
  /** Turns of the complete conversations. */
  conversationTurns: number;
  closed: number;
  handover: number;
  errors: number;
  errorSamples: string[];
}

const customersFile = new URL("../data/demo/customers.json", import.meta.url).pathname;

interface Reply {
  type?: string;
  text?: string;
  channelData?: { fairexit?: { stage: BotStage; expecting: string } };
}

/** The same client for both sides: posts one activity, returns the status and the reply activities. */
function aClient(kind: ClientKind, baseUrl: string, concurrency: number) {
  const url = new URL("/api/messages", baseUrl);
  if (kind === "fetch") {
    return {
      async post(body: string): Promise<{ status: number; replies: Reply[] }> {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        const text = await res.text();
        return { status: res.status, replies: res.status === 200 ? parseReplies(text) : [] };
      },
      close() {},
    };
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const options: http.RequestOptions = {
    agent,
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: "POST",
  };
  return {
    post(body: string): Promise<{ status: number; replies: Reply[] }> {
      return new Promise((resolve, reject) => {
        const req = http.request(
          {
            ...options,
            headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("error", reject);
            res.on("end", () => {
              const status = res.statusCode ?? 0;
              resolve({
                status,
                replies: status === 200 ? parseReplies(Buffer.concat(chunks).toString("utf8")) : [],
              });
            });
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

function parseReplies(text: string): Reply[] {
  const body = JSON.parse(text) as { activities?: Reply[] };
  return body.activities ?? [];
}

/**
 * The virtual customers. Keeps the scripts (the texts of FairExit's conversation per demo
 * customer) between rounds, so the echo bot replays what FairExit answered.
 */
class LoadGenerator {
  private readonly scripts = new Map<number, string[]>();

  constructor(
    private readonly customers: Customer[],
    private readonly options: GeneratorOptions,
  ) {}

  async round({ side, url, seconds, tag, finish }: RoundRequest): Promise<RoundResult> {
    const { concurrency, guard } = this.options;
    const client = aClient(this.options.client, url, concurrency);
    const latencies: number[] = [];
    const result: RoundResult = {
      side,
      turns: 0,
      seconds: 0,
      latencies: new Float64Array(0),
      conversations: 0,
      conversationTurns: 0,
      closed: 0,
      handover: 0,
      errors: 0,
      errorSamples: [],
    };
    const fail = (message: string) => {
      result.errors++;
      if (result.errorSamples.length < 5) result.errorSamples.push(message);
    };
    const start = process.hrtime.bigint();
    const deadline = start + BigInt(Math.round(seconds * 1e9));
    const scripted = () => side !== "FairExit" || this.scripts.size === this.customers.length;
    // A warm-up also runs until every demo customer's conversation has been recorded for the echo bot.
    const open = finish
      ? () => process.hrtime.bigint() < deadline || !scripted()
      : () => process.hrtime.bigint() < deadline;
    const turnsOpen = finish ? () => true : open;

    const virtualCustomer = async (v: number) => {
      for (let k = 0; open(); k++) {
        const index = (v + k * concurrency) % this.customers.length;
        const customer = this.customers[index]!;
        const conversationId = `bench-${tag}-${v}-${k}`;
        let n = 0;
        const activity = (extra: Record<string, unknown>) =>
          JSON.stringify({
            id: `act-${++n}`,
            channelId: "emulator",
            serviceUrl: "http://127.0.0.1:9/", // never called in expectReplies mode
            conversation: { id: conversationId },
            from: { id: "customer-1", name: "Customer" },
            recipient: { id: "fairexit-bot", name: "FairExit" },
            deliveryMode: "expectReplies",
            timestamp: new Date().toISOString(),
            locale: "en-GB",
            ...extra,
          });
        /** One turn; undefined when the window closed or the request failed (counted). */
        const turn = async (extra: Record<string, unknown>): Promise<Reply[] | undefined> => {
          if (!turnsOpen()) return undefined;
          const body = activity(extra);
          const t0 = process.hrtime.bigint();
          try {
            const { status, replies } = await client.post(body);
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
            result.turns++;
            if (status !== 200) return void fail(`${side} HTTP ${status} for ${body}`);
            if (replies.length === 0) return void fail(`${side} no reply activities for ${body}`);
            return replies;
          } catch (e) {
            return void fail(`${side} ${(e as Error).message} for ${body}`);
          }
        };
        const join = { type: "conversationUpdate", membersAdded: [{ id: "customer-1" }] };

        if (side === "FairExit") {
          const texts: string[] = [];
          let replies = await turn(join);
          for (let g = 0; replies !== undefined; g++) {
            const state = replies.at(-1)?.channelData?.fairexit;
            if (!state) {
              fail(`FairExit reply without channelData.fairexit: ${JSON.stringify(replies.at(-1))}`);
              break;
            }
            const line = nextLine(
              { conversationId, stage: state.stage, expecting: state.expecting, messages: [] },
              customer,
            );
            if (line === undefined) {
              result.conversations++;
              result.conversationTurns += texts.length + 1;
              if (state.stage === "closed") result.closed++;
              else result.handover++;
              if (!this.scripts.has(index)) this.scripts.set(index, texts);
              break;
            }
            if (g >= guard) {
              fail(
                `FairExit conversation ${conversationId} not finished after ${guard} turns (${state.stage})`,
              );
              break;
            }
            texts.push(line);
            replies = await turn({ type: "message", text: line });
          }
        } else {
          const script = this.scripts.get(index);
          if (!script) {
            fail(`no script for customer ${customer.id}: run FairExit first`);
            return;
          }
          let replies = await turn(join);
          for (const text of script) {
            if (replies === undefined) break;
            replies = await turn({ type: "message", text });
            if (replies && replies[0]?.text !== `You said: ${text}`)
              fail(`echo replied ${JSON.stringify(replies[0])} to "${text}"`);
          }
          if (replies !== undefined) {
            result.conversations++;
            result.conversationTurns += script.length + 1;
          }
        }
      }
    };

    await Promise.all(Array.from({ length: concurrency }, (_, v) => virtualCustomer(v)));
    result.seconds = Number(process.hrtime.bigint() - start) / 1e9;
    result.latencies = Float64Array.from(latencies);
    client.close();
    return result;
  }
}

// ---- worker thread: the load generator ------------------------------------------------------

if (!isMainThread) {
  const customers = (await readCustomerFile(customersFile)).customers;
  const generator = new LoadGenerator(customers, workerData as GeneratorOptions);
  parentPort!.on("message", async (request: RoundRequest) => {
    const result = await generator.round(request);
    parentPort!.postMessage(result, [result.latencies.buffer as ArrayBuffer]);
  });
  parentPort!.postMessage("ready");
} else {
  await main();
}

// ---- main thread: the servers, the rounds, the report ----------------------------------------

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: "string", default: "3" },
      seconds: { type: "string", default: "5" },
      warmup: { type: "string", default: "2" },
      concurrency: { type: "string", default: "50" },
      "client-thread": { type: "string", default: "worker" },
      client: { type: "string", default: "http" },
      only: { type: "string" },
      "echo-adapter": { type: "string", default: "stock" },
    },
  });
  const ROUNDS = Number(values.rounds);
  const SECONDS = Number(values.seconds);
  const WARMUP = Number(values.warmup);
  const clientThread = values["client-thread"];
  if (clientThread !== "worker" && clientThread !== "main") throw new Error("--client-thread worker|main");
  const client = values.client as ClientKind;
  if (client !== "http" && client !== "fetch") throw new Error("--client http|fetch");
  const only = values.only as Side | undefined;
  if (only !== undefined && only !== "echo" && only !== "FairExit") throw new Error("--only echo|FairExit");
  const sides: Side[] = only ? [only] : ["echo", "FairExit"];
  const options: GeneratorOptions = { concurrency: Number(values.concurrency), client, guard: 30 };
  const echoAdapter = values["echo-adapter"];
  if (echoAdapter !== "stock" && echoAdapter !== "fairexit") throw new Error("--echo-adapter stock|fairexit");

  // Imported here so that the worker thread does not load the servers' modules.
  const { aFairExitServer } = await import("../test/support/fairexitServer.js");
  const { startEchoBot } = await import("./echoBot.js");
  // The bench measures turns, not the rate limits (the echo bot has none): lift them.
  const fairexit = await aFairExitServer({
    FAIREXIT_RATE_LIMIT_PER_CLIENT: "100000000",
    FAIREXIT_RATE_LIMIT_PER_CONVERSATION: "100000000",
  });
  const echo = await startEchoBot("127.0.0.1", { adapter: echoAdapter });
  const urls: Record<Side, string> = { echo: echo.url, FairExit: fairexit.url };

  let runRound: (request: RoundRequest) => Promise<RoundResult>;
  let stopClient = async () => {};
  if (clientThread === "worker") {
    // Worker threads do not inherit tsx's module hooks (--import tsx): the worker registers them itself.
    const boot = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => {
      tsx.register();
      return import(${JSON.stringify(import.meta.url)});
    });`;
    const worker = new Worker(boot, { eval: true, workerData: options });
    const pending: ((r: RoundResult) => void)[] = [];
    await new Promise<void>((resolve, reject) => {
      worker.once("error", reject);
      worker.once("message", () => resolve());
    });
    worker.on("message", (r: RoundResult) => pending.shift()?.(r));
    worker.on("error", (e) => {
      process.stderr.write(`load generator failed: ${e.stack}\n`);
      process.exit(1);
    });
    runRound = (request) =>
      new Promise((resolve) => {
        pending.push(resolve);
        worker.postMessage(request);
      });
    stopClient = async () => void (await worker.terminate());
  } else {
    const generator = new LoadGenerator((await readCustomerFile(customersFile)).customers, options);
    runRound = (request) => generator.round(request);
  }

  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `bench/turns: ${options.concurrency} concurrent conversations over HTTP (expectReplies), ` +
      `client: ${client} keep-alive in the ${clientThread === "worker" ? "worker thread" : "servers' thread"}; ` +
      `warm-up ${WARMUP} s each, ${ROUNDS} rounds x ${SECONDS} s each side, alternating; ` +
      `echo bot: ${echoAdapter === "fairexit" ? "FairExit's adapter setup" : "stock CloudAdapter"}`,
  );

  // Warm-up: FairExit first, which records the scripts the echo bot replays.
  const all: RoundResult[] = [];
  const check = (r: RoundResult) => {
    all.push(r);
    return r;
  };
  check(
    await runRound({ side: "FairExit", url: urls.FairExit, seconds: WARMUP, tag: "warm-f", finish: true }),
  );
  if (sides.includes("echo"))
    check(await runRound({ side: "echo", url: urls.echo, seconds: WARMUP, tag: "warm-e", finish: true }));

  const measured: Record<Side, RoundResult[]> = { echo: [], FairExit: [] };
  const busy: Record<Side, number> = { echo: 0, FairExit: 0 };
  const header = `${"round".padEnd(6)}${"side".padEnd(10)}${"turns".padStart(8)}${"secs".padStart(7)}${"turns/s".padStart(9)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"convs".padStart(7)}${"loop max".padStart(10)}${"ELU".padStart(6)}${"busy ms".padStart(10)}`;
  out(header);
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 === 1 ? sides : [...sides].reverse();
    for (const side of order) {
      const loop = monitorEventLoopDelay({ resolution: 5 });
      loop.enable();
      const elu0 = performance.eventLoopUtilization();
      const r = check(await runRound({ side, url: urls[side], seconds: SECONDS, tag: `r${round}-${side}` }));
      loop.disable();
      const elu = performance.eventLoopUtilization(elu0);
      busy[side] += elu.active;
      measured[side].push(r);
      out(
        `${String(round).padEnd(6)}${side.padEnd(10)}${String(r.turns).padStart(8)}${r.seconds.toFixed(2).padStart(7)}` +
          `${(r.turns / r.seconds).toFixed(0).padStart(9)}${pct(r.latencies, 0.5).toFixed(2).padStart(9)}` +
          `${pct(r.latencies, 0.99).toFixed(2).padStart(9)}${String(r.conversations).padStart(7)}` +
          `${(loop.max / 1e6).toFixed(0).padStart(10)}${elu.utilization.toFixed(2).padStart(6)}` +
          `${(elu.active / r.turns).toFixed(3).padStart(10)}`,
      );
    }
  }

  await stopClient();
  await Promise.all([fairexit.close(), echo.close()]);

  const pool = (side: Side) => {
    const rs = measured[side];
    const latencies = new Float64Array(rs.reduce((n, r) => n + r.latencies.length, 0));
    let at = 0;
    for (const r of rs) {
      latencies.set(r.latencies, at);
      at += r.latencies.length;
    }
    const turns = rs.reduce((n, r) => n + r.turns, 0);
    const seconds = rs.reduce((n, r) => n + r.seconds, 0);
    const conversations = rs.reduce((n, r) => n + r.conversations, 0);
    return {
      rate: turns / seconds,
      busyPerTurn: busy[side] / turns,
      p50: pct(latencies, 0.5),
      p99: pct(latencies, 0.99),
      turns,
      conversations,
      conversationTurns: rs.reduce((n, r) => n + r.conversationTurns, 0),
      closed: rs.reduce((n, r) => n + r.closed, 0),
      handover: rs.reduce((n, r) => n + r.handover, 0),
    };
  };
  const e = sides.includes("echo") ? pool("echo") : undefined;
  const f = sides.includes("FairExit") ? pool("FairExit") : undefined;
  const row = (name: string, s: ReturnType<typeof pool>) =>
    `${name.padEnd(10)} ${s.rate.toFixed(0).padStart(6)} turns/s  p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  ` +
    `server thread busy ${s.busyPerTurn.toFixed(3)} ms/turn  ` +
    `(${s.turns} turns, ${s.conversations} complete conversations, ${(s.conversationTurns / Math.max(1, s.conversations)).toFixed(1)} turns each)`;
  out("all rounds pooled:");
  if (e) out(row("echo bot", e));
  if (f) out(row("FairExit", f));
  if (f)
    out(
      `FairExit conversations completed: ${f.conversations} (${f.closed} closed, ${f.handover} handed over)`,
    );
  out(
    `errors (non-200, network, malformed replies, unfinished conversations): ${all.reduce((n, r) => n + r.errors, 0)}`,
  );
  if (e && f) {
    const throughput = f.rate / e.rate;
    const p99 = f.p99 / e.p99;
    out(
      `FairExit/echo throughput ${throughput.toFixed(2)}x (goal >= 0.7x: ${throughput >= 0.7 ? "met" : "NOT met"}); ` +
        `p99 ${p99.toFixed(2)}x (goal <= 2x: ${p99 <= 2 ? "met" : "NOT met"}); ` +
        `server thread time per turn ${(f.busyPerTurn / e.busyPerTurn).toFixed(2)}x`,
    );
  }

  const errors = all.filter((r) => r.errors > 0);
  if (errors.length > 0) {
    process.stderr.write(
      "\n!!!!!!!! INVALID RUN: requests failed — the numbers above do not count !!!!!!!!\n",
    );
    for (const r of errors) {
      process.stderr.write(`${r.side}: ${r.errors} errors, e.g.\n`);
      for (const s of r.errorSamples) process.stderr.write(`  ${s.slice(0, 400)}\n`);
    }
    process.exit(1);
  }
  process.exit(0);
}

function pct(xs: Float64Array, p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = Float64Array.from(xs).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}
