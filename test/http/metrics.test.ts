/**
 * GET /metrics: Prometheus exposition text of FairExit's own registry, behind
 * FAIREXIT_ADMIN_TOKEN. After a demo conversation (a customer asking for a person) and an
 * utterance heard by agent assist, the counters moved and the text parses as the format says.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { DirectLineClient } from "../support/directLineClient.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";

const TOKEN = "admin-token-for-the-metrics-tests-000000";
let fx: RunningFairExit;

beforeAll(async () => {
  fx = await aFairExitServer({ FAIREXIT_ADMIN_TOKEN: TOKEN });
});
afterAll(async () => {
  await fx?.close();
});

const scrape = async (token: string | null = TOKEN) =>
  fetch(`${fx.url}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses Prometheus text format 0.0.4; throws naming the line that does not follow it. */
function parseExposition(text: string): { types: Map<string, string>; samples: Sample[] } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const lines = text.split("\n");
  expect(lines.at(-1)).toBe(""); // ends with a line feed
  for (const line of lines.slice(0, -1)) {
    if (line === "") continue;
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*$/.exec(line);
    if (help) continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    const m =
      /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*)\})? (\S+)$/.exec(
        line,
      );
    if (!m) throw new Error(`not Prometheus text format: ${JSON.stringify(line)}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]!] = l[2]!;
    const value = m[3] === "+Inf" ? Infinity : Number(m[3]);
    if (Number.isNaN(value) && m[3] !== "NaN") throw new Error(`not a number in ${JSON.stringify(line)}`);
    const family = m[1]!.replace(/_(bucket|sum|count)$/, "");
    if (!types.has(m[1]!) && !types.has(family)) throw new Error(`sample before its # TYPE: ${line}`);
    samples.push({ name: m[1]!, labels, value });
  }
  return { types, samples };
}

const sampleValue = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

it("is not served without the admin token, nor with a wrong one", async () => {
  for (const token of [null, "wrong-token-wrong-token-wrong-token-0000"]) {
    const res = await scrape(token);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain("fairexit_turns_total");
  }
});

it("counts turns, decisions, hand-overs and assist latency, in Prometheus text format", async () => {
  const before = parseExposition(await (await scrape()).text()).samples;
  expect(sampleValue(before, "fairexit_turns_total")).toBe(0);

  const customer = await DirectLineClient.anonymous(fx.url);
  await customer.start();
  for (const text of ["cancel my mobile, switching network", "UK318826", "M14 5RT", "yes"])
    await customer.says(text);
  const another = await DirectLineClient.anonymous(fx.url);
  await another.start();
  await another.says("I want to talk to a person");
  await fx.app.assist.hear({
    sessionId: "call-metrics-1",
    utteranceId: "u1",
    customerId: "cust-uk-locked-handset",
    speaker: "agent",
    text: "I'll cancel that now.",
    at: "2026-11-23T10:00:00Z",
    final: true,
    source: "events",
  });

  const res = await scrape();
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  const { types, samples } = parseExposition(await res.text());
  expect(types.get("fairexit_turns_total")).toBe("counter");
  expect(types.get("fairexit_assist_latency_seconds")).toBe("histogram");
  expect(types.get("fairexit_outbox_pending")).toBe("gauge");
  expect(sampleValue(samples, "fairexit_turns_total")).toBeGreaterThanOrEqual(5);
  expect(sampleValue(samples, "fairexit_decisions_total")).toBeGreaterThan(0);
  expect(sampleValue(samples, "fairexit_handovers_total")).toBe(1);
  expect(sampleValue(samples, "fairexit_audit_entries_total", { kind: "handover" })).toBeGreaterThan(0);
  expect(sampleValue(samples, "fairexit_assist_latency_seconds_count")).toBe(1);
  expect(sampleValue(samples, "fairexit_assist_latency_seconds_bucket", { le: "+Inf" })).toBe(1);
  expect(sampleValue(samples, "fairexit_outbox_pending")).toBeGreaterThanOrEqual(0);
  expect(sampleValue(samples, "fairexit_outbox_oldest_due_age_seconds")).toBeGreaterThanOrEqual(0);
  // Buckets are cumulative.
  const buckets = samples
    .filter((s) => s.name === "fairexit_assist_latency_seconds_bucket")
    .map((s) => s.value);
  expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
  // Nothing the customer typed reaches a metric.
  expect(JSON.stringify(samples)).not.toMatch(/UK318826|M14 5RT/);
});

it("shows the outbox depth and how long its oldest due item has waited", async () => {
  const now = fx.app.clock.now();
  await fx.app.bot.outbox.enqueue(
    {
      id: "metrics-test-scheduled-1",
      kind: "message",
      conversationId: "conv-metrics-outbox",
      dueAt: new Date(now.getTime() - 10 * 60_000).toISOString(),
      payload: { text: "a scheduled reminder" },
    },
    now,
  );
  await fx.app.bot.outbox.enqueue(
    {
      id: "metrics-test-scheduled-2",
      kind: "message",
      conversationId: "conv-metrics-outbox",
      dueAt: new Date(now.getTime() + 60 * 60_000).toISOString(),
      payload: { text: "a later reminder" },
    },
    now,
  );
  const { samples } = parseExposition(await (await scrape()).text());
  expect(sampleValue(samples, "fairexit_outbox_pending")).toBeGreaterThanOrEqual(2);
  const age = sampleValue(samples, "fairexit_outbox_oldest_due_age_seconds")!;
  expect(age).toBeGreaterThanOrEqual(600);
  expect(age).toBeLessThan(3600); // the item due in an hour does not count
});
