/**
 * bench/assist/engine: utterance -> updated view in-process, with 1,000 live sessions at once
 * (the default policy packs, the memory stores, a memory audit trail, no LLM). Each session is
 * its own customer (a copy of a demo customer with its own id and name) on a scripted transcript
 * of that demo story, the agent addressing the customer by name, so no two sessions share a
 * decision or a text the checker has seen. Every agent line arrives as a partial and then its
 * final; the sessions speak in turn, so all of them are live together. Latency per utterance
 * (p50, p99), partials and finals apart, as wall-clock time and as this process's CPU time
 * (which other processes on the machine do not inflate). Goal: p99 under 5 ms.
 *
 *     node --import tsx bench/assist/engine.ts [--sessions 1000]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { readCustomerFile } from "../../src/adapters/files/readCustomerFile.js";
import type { MemoryAuditLog } from "../../src/adapters/memory/memoryAuditLog.js";
import { openMemoryStore } from "../../src/adapters/memory/memoryStore.js";
import { createAssistDesk } from "../../src/assist/assistDesk.js";
import type { AssistUtterance } from "../../src/assist/utterance.js";
import { AuditTrail } from "../../src/audit/auditTrail.js";
import { ManualClock } from "../../src/domain/clock.js";
import type { Customer } from "../../src/domain/customer.js";
import { demoPolicy } from "../../test/assist/engine/support.js";
import { nameOf } from "./madeUpNames.js";

const { values } = parseArgs({ options: { sessions: { type: "string", default: "1000" } } });
const N = Number(values.sessions);
const WARM = 200;

type Line = ["customer" | "agent", string];
const CALLS: { customerId: string; lines: Line[] }[] = [
  {
    customerId: "cust-se-moving",
    lines: [
      ["customer", "Hi, we're moving to Jokkmokk, 962 31, so we need to cancel broadband and TV."],
      ["agent", "Thanks for telling me. Let me check what that means for you."],
      ["agent", "Well, we'll invoice the remaining 9 months."],
      ["customer", "But the salesman promised we could leave for free if we moved!"],
      ["agent", "You're right, sorry: leaving costs you nothing, the fee is waived under that promise."],
      ["agent", "Your broadband and TV both end on 23 December."],
      ["agent", "Your direct debit collects the final bill and then we cancel it."],
      ["agent", "I'll cancel that now."],
    ],
  },
  {
    customerId: "cust-uk-locked-handset",
    lines: [
      ["customer", "I'm switching to another network and I want to keep my number."],
      ["agent", "Of course. Text PAC to 65075 and your porting code arrives within a minute."],
      ["agent", "How about 20% off for six months instead?"],
      ["customer", "No thanks, just cancel."],
      ["agent", "Your Galaxy is locked to our network; we unlock it free of charge today."],
      ["agent", "You have to visit a store to finish it."],
      ["agent", "That's cancelled for you."],
    ],
  },
  {
    customerId: "cust-uk-paytv-outages",
    lines: [
      ["customer", "Three outages and you billed me for Golf Plus which I never ordered. I'm done."],
      ["agent", "I'm sorry. Your Golf Plus dispute is settled in your favour: we refund the £34."],
      ["agent", "Please send the box and the router back; we email you a free return label."],
      ["agent", "Your final bill is nothing for leaving, plus your normal charges up to the end date."],
      ["agent", "I've processed the cancellation."],
    ],
  },
];

const clock = new ManualClock("2026-11-23T10:00:00Z");
const store = openMemoryStore();
const demo = await readCustomerFile(new URL("../../data/demo/customers.json", import.meta.url).pathname);
await store.customers.setCoverage(demo.coverage);
const customerOf = (prefix: string, i: number) => `${prefix}-cust-${i}`;
/** Session `i`'s customer: a copy of its story's demo customer with its own id, account and name. */
function copyFor(prefix: string, i: number): Customer {
  const c = demo.customers.find((x) => x.id === CALLS[i % CALLS.length]?.customerId) as Customer;
  return {
    ...c,
    id: customerOf(prefix, i),
    accountNumber: `${prefix === "warm" ? "WX" : "BX"}${100000 + i}`,
    name: { ...c.name, given: nameOf(i) },
  };
}
await store.customers.upsertMany([
  ...Array.from({ length: WARM }, (_, i) => copyFor("warm", i)),
  ...Array.from({ length: N }, (_, i) => copyFor("bench", i)),
]);

const policy = await demoPolicy();
const log = store.audit as MemoryAuditLog;
const desk = createAssistDesk({
  customers: store.customers,
  policy: () => policy,
  clock,
  audit: new AuditTrail(log, clock),
  maxSessions: N + WARM,
});
let views = 0;
desk.subscribe(() => {
  views++;
});

/** The utterances of session `i`, in order: each agent line as a partial (half of it) and then final. */
function script(i: number, prefix: string): AssistUtterance[] {
  const call = CALLS[i % CALLS.length] as (typeof CALLS)[number];
  const sessionId = `${prefix}-${i}`;
  const out: AssistUtterance[] = [];
  call.lines.forEach(([speaker, said], n) => {
    const text = speaker === "agent" ? `${nameOf(i)}, ${said.charAt(0).toLowerCase()}${said.slice(1)}` : said;
    const base = {
      sessionId,
      utteranceId: `u${n}`,
      customerId: customerOf(prefix, i),
      speaker,
      source: "bench",
    };
    const at = clock.now().toISOString();
    if (speaker === "agent")
      out.push({ ...base, text: text.slice(0, Math.ceil(text.length / 2)), at, final: false });
    out.push({ ...base, text, at, final: true });
  });
  return out;
}

interface Times {
  partial: number[];
  final: number[];
  cpu: number[];
}

async function run(prefix: string, sessions: number, measure: Times | undefined) {
  const scripts = Array.from({ length: sessions }, (_, i) => script(i, prefix));
  for (let i = 0; i < sessions; i++)
    await desk.open({ sessionId: `${prefix}-${i}`, customerId: customerOf(prefix, i), source: "bench" });
  const longest = Math.max(...scripts.map((s) => s.length));
  for (let k = 0; k < longest; k++) {
    clock.advance(1000);
    for (const s of scripts) {
      const u = s[k];
      if (!u) continue;
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      await desk.hear(u);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpu = process.cpuUsage(c0);
      if (!measure) continue;
      (u.final ? measure.final : measure.partial).push(ms);
      measure.cpu.push((cpu.user + cpu.system) / 1000);
    }
  }
}

await run("warm", WARM, undefined);
const times: Times = { partial: [], final: [], cpu: [] };
const start = process.hrtime.bigint();
await run("bench", N, times);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number;
const row = (name: string, xs: number[]) =>
  `${name.padEnd(18)} ${String(xs.length).padStart(6)} utterances  p50 ${pct(xs, 0.5).toFixed(3)} ms  p99 ${pct(xs, 0.99).toFixed(3)} ms  max ${Math.max(...xs).toFixed(3)} ms`;
const all = [...times.partial, ...times.final];
const live = desk.list().filter((s) => s.sessionId.startsWith("bench-") && s.status === "live");
process.stdout.write(
  `${N} sessions live at once (${live.length} live in the desk), ${all.length} utterances in ${seconds.toFixed(2)} s (${(all.length / seconds).toFixed(0)}/s), ${views} views pushed, ${log.entries.length} audit entries\n`,
);
process.stdout.write(
  `${row("partials (wall)", times.partial)}\n${row("finals (wall)", times.final)}\n${row("all (wall)", all)}\n${row("all (CPU time)", times.cpu)}\n`,
);
const p99 = pct(all, 0.99);
const cpu99 = pct(times.cpu, 0.99);
const verdict = (x: number) => (x < 5 ? "met" : "NOT met");
process.stdout.write(
  `utterance -> view p99 ${p99.toFixed(3)} ms wall (goal < 5 ms: ${verdict(p99)}), ${cpu99.toFixed(3)} ms CPU (${verdict(cpu99)}); load average ${loadavg()[0]?.toFixed(1)} on ${(await import("node:os")).cpus().length} cores\n`,
);
