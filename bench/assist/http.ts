/**
 * bench/assist/http: an utterance posted over HTTP (POST /api/assist/events, API key) until its
 * view arrives as a server-sent event on a console stream (GET /api/assist/stream), through the
 * real server (restify, body reader, rate limits, desk, engine) with the demo customers and the
 * default policy packs. Events are sent open-loop at `--rate` a second (100 sessions each
 * speaking about once a second is a busy floor), at most `--concurrency` in flight; the client
 * runs in the same process as the server, so its own cost is counted too. Reports p50/p99 of
 * that delivery and of the POST round trip; baseline in the same run: the same utterances heard
 * by the desk in-process, without HTTP. Goal: delivery p99 under 50 ms.
 *
 *     node --import tsx bench/assist/http.ts [--events 2000] [--sessions 100] [--rate 100] [--concurrency 50]
 */
import { parseArgs } from "node:util";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { startServer } from "../../src/http/server.js";
import { repoRoot } from "../../test/support/runFairexit.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "2000" },
    sessions: { type: "string", default: "100" },
    rate: { type: "string", default: "100" },
    concurrency: { type: "string", default: "50" },
  },
});
const EVENTS = Number(values.events);
const SESSIONS = Number(values.sessions);
const RATE = Number(values.rate);
const CONCURRENCY = Number(values.concurrency);
const KEY = "bench-assist-key-0123456789abcdef0123456789";

const app = await createApp(
  loadConfig(
    {
      FAIREXIT_STORE: "memory",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      FAIREXIT_SECRET: "bench-secret-for-assist-http-0123456789",
      FAIREXIT_ASSIST_API_KEY: KEY,
      FAIREXIT_RATE_LIMIT_PER_CLIENT: "100000000",
    },
    repoRoot,
  ),
);
const running = await startServer(app);
const customers = (await app.store.customers.list()).map((c) => c.id);

const LINES = [
  ["customer", "I would like to cancel my contract please"],
  ["agent", "Of course, I can help you with that today"],
  ["customer", "How much will it cost me to leave"],
  ["agent", "Let me check the details on your account"],
] as const;
const utterance = (i: number, prefix: string) => {
  const session = i % SESSIONS;
  const [speaker, text] = LINES[Math.floor(i / SESSIONS) % LINES.length]!;
  return {
    sessionId: `${prefix}-${session}`,
    customerId: customers[session % customers.length]!,
    speaker,
    text: `${text} ${prefix}#${i}#`,
    at: new Date().toISOString(),
  };
};

// ---- baseline: the desk in-process ----------------------------------------------------------
const inProcess: number[] = [];
for (let i = 0; i < EVENTS; i++) {
  const t0 = performance.now();
  await app.assist.hear({ ...utterance(i, "base"), utteranceId: `u${i}`, final: true, source: "bench" });
  inProcess.push(performance.now() - t0);
}

// ---- the console's stream: first arrival of each utterance's marker ----------------------------
const arrived = new Map<number, number>();
const waiting = new Map<number, () => void>();
const abort = new AbortController();
const stream = await fetch(`${running.url}/api/assist/stream`, {
  headers: { authorization: `Bearer ${KEY}` },
  signal: abort.signal,
});
if (stream.status !== 200) throw new Error(`stream answered ${stream.status}`);
void (async () => {
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) {
      const now = performance.now();
      buffer += decoder.decode(chunk, { stream: true });
      const end = buffer.lastIndexOf("\n\n");
      if (end < 0) continue;
      const complete = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const m of complete.matchAll(/bench#(\d+)#/g)) {
        const n = Number(m[1]);
        if (arrived.has(n)) continue;
        arrived.set(n, now);
        waiting.get(n)?.();
      }
    }
  } catch {
    // aborted at the end
  }
})();

// ---- the platform: EVENTS utterances over SESSIONS calls at RATE a second ---------------------
const delivery: number[] = [];
const roundTrip: number[] = [];

async function post(i: number): Promise<void> {
  const body = JSON.stringify(utterance(i, "bench"));
  const seen = new Promise<void>((resolve) => waiting.set(i, resolve));
  const t0 = performance.now();
  const res = await fetch(`${running.url}/api/assist/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body,
  });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`event ${i} answered ${res.status}`);
  roundTrip.push(performance.now() - t0);
  await seen;
  delivery.push(arrived.get(i)! - t0);
  waiting.delete(i);
}

const started = performance.now();
const cpuBefore = process.cpuUsage();
const inFlight = new Set<Promise<void>>();
let skippedSlots = 0;
for (let i = 0; i < EVENTS; i++) {
  const due = started + (i * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  while (inFlight.size >= CONCURRENCY) {
    skippedSlots++;
    await Promise.race(inFlight);
  }
  const p = post(i).finally(() => inFlight.delete(p));
  inFlight.add(p);
}
await Promise.all(inFlight);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuPerEventMs = (cpu.user + cpu.system) / 1000 / EVENTS;

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;
process.stdout.write(
  [
    `bench/assist/http: ${EVENTS} events over ${SESSIONS} sessions at ${RATE}/s (at most ${CONCURRENCY} in flight), one console stream`,
    `  baseline: desk.hear in-process   p50 ${ms(pct(inProcess, 50))}  p99 ${ms(pct(inProcess, 99))}`,
    `  HTTP event -> server-sent event  p50 ${ms(pct(delivery, 50))}  p99 ${ms(pct(delivery, 99))}  max ${ms(Math.max(...delivery))}  (goal p99 < 50 ms)`,
    `  POST round trip                  p50 ${ms(pct(roundTrip, 50))}  p99 ${ms(pct(roundTrip, 99))}`,
    `  CPU per event                    ${ms(cpuPerEventMs)} (server and client, one process)`,
    `  achieved rate                    ${(EVENTS / seconds).toFixed(0)} events/s${skippedSlots ? ` (the in-flight cap held the sender back ${skippedSlots} times)` : ""}`,
    "",
  ].join("\n"),
);
abort.abort();
await running.close();
await app.close();
