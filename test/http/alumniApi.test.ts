/**
 * The alumni API through the real HTTP server (composition root, restify, memory store, demo
 * customers, a clock that moves when told): real conversations end in the real farewell, then a
 * marketing tool asks and records contacts. Refused without consent, during the quiet period,
 * past the cap (two at once at the last one: exactly one recorded), for an unknown customer;
 * 401 without the key; 503 when no key is configured; never a name or email in an answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { startServer } from "../../src/http/server.js";
import { Chat } from "../bot/cancellationBot.js";
import { nextLine } from "../bot/simulatedCustomer.js";
import { repoRoot } from "../support/runFairexit.js";

const KEY = "alumni-key-for-the-marketing-tool-0001";
const OTHER_KEY = "alumni-key-for-another-marketing-tool-02";
const WINBACK = "cust-se-winback-consent";
const NEVER = "cust-se-moving";

interface Running {
  url: string;
  app: App;
  clock: ManualClock;
  close(): Promise<void>;
}

async function aServer(env: Record<string, string>): Promise<Running> {
  const clock = new ManualClock("2026-11-23T10:00:00Z");
  const config = loadConfig(
    {
      FAIREXIT_STORE: "memory",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      FAIREXIT_SECRET: "test-secret-for-the-alumni-api-tests",
      ...env,
    },
    repoRoot,
  );
  const app = await createApp(config, { clock });
  const running = await startServer(app);
  return {
    url: running.url,
    app,
    clock,
    async close() {
      await running.close();
      await app.close();
    },
  };
}

let n = 0;
/** The customer talks to the real engine until the conversation closes; `consent` answers the farewell. */
async function leave(s: Running, customerId: string, consent: "yes" | "no"): Promise<void> {
  const customer = (await s.app.store.customers.get(customerId))!;
  const chat = new Chat(s.app.engine, `conv-alumni-${++n}`, { channel: "webchat" });
  let turn = await chat.open();
  for (let i = 0; i < 30; i++) {
    const line = turn.expecting === "consent" ? consent : nextLine(turn, customer);
    if (line === undefined) break;
    turn = await chat.says(line);
  }
  expect(turn.stage, chat.transcript.join("\n")).toBe("closed");
}

const api = (s: Running, customerId: string, init: { key?: string; body?: unknown } = {}) =>
  fetch(`${s.url}/api/alumni/${customerId}/contact`, {
    method: init.body === undefined ? "GET" : "POST",
    headers: {
      ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });

const record = (s: Running, customerId: string, body: unknown = { channel: "email", campaign: "spring" }) =>
  api(s, customerId, { key: KEY, body });

describe("the alumni API", () => {
  let s: Running;
  beforeAll(async () => {
    s = await aServer({ FAIREXIT_ALUMNI_API_KEYS: `${KEY}, ${OTHER_KEY}` });
  });
  afterAll(async () => s.close());

  it("answers 401 without a key or with a wrong one, and 404 for an unknown customer", async () => {
    expect((await api(s, WINBACK)).status).toBe(401);
    const wrong = await api(s, WINBACK, { key: `${KEY}x` });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("BadApiKey");
    expect((await api(s, WINBACK, { key: OTHER_KEY })).status).toBe(200);
    expect((await api(s, "cust-nobody", { key: KEY })).status).toBe(404);
    expect((await record(s, "cust-nobody")).status).toBe(404);
  });

  it("answers 400 naming the field for a bad body", async () => {
    const bad = await record(s, WINBACK, { channel: "pigeon" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^channel: /);
    const late = await record(s, WINBACK, { channel: "email", at: "2030-01-01T00:00:00Z" });
    expect(late.status).toBe(400);
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(/^at: /);
  });

  it("refuses a current customer, and a former one who never consented, with the reason", async () => {
    const current = await record(s, WINBACK);
    expect(current.status).toBe(409);
    expect(((await current.json()) as { reason: string }).reason).toBe("still_customer");

    await leave(s, NEVER, "no");
    s.clock.set("2027-09-01T00:00:00Z");
    const res = await record(s, NEVER);
    expect(res.status).toBe(409);
    const body = (await res.json()) as { reason: string; standing: { consent: { source: string } } };
    expect(body.reason).toBe("no_consent");
    expect(body.standing.consent.source).toBe("crm");
    s.clock.set("2026-11-23T10:00:00Z");
  });

  it("after a yes in the farewell: refused in the quiet period, then two contacts, then refused past the cap", async () => {
    await leave(s, WINBACK, "yes");
    const quiet = await record(s, WINBACK);
    expect(quiet.status).toBe(409);
    expect(((await quiet.json()) as { reason: string }).reason).toBe("quiet_period");

    s.clock.set("2027-03-23T09:00:00Z");
    // Made yesterday, inside the quiet period: refused although asking today is fine.
    const backdated = await record(s, WINBACK, { channel: "email", at: "2027-03-22T12:00:00Z" });
    expect(backdated.status).toBe(409);
    expect(((await backdated.json()) as { reason: string }).reason).toBe("quiet_period");
    const asked = await api(s, WINBACK, { key: KEY });
    const text = await asked.text();
    expect(JSON.parse(text)).toMatchObject({
      customerId: WINBACK,
      mayContact: true,
      contactsUsed: 0,
      contactsAllowed: 2,
    });
    for (const pii of ["Erik", "Johansson", "erik.johansson@example.se", "+46701740681", "Linnégatan"])
      expect(text).not.toContain(pii);

    const first = await record(s, WINBACK);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      recorded: { channel: "email", campaign: "spring", at: "2027-03-23T09:00:00.000Z" },
      standing: { contactsUsed: 1, mayContact: true },
    });
    // Two at once at the last allowed contact: exactly one is recorded.
    const both = await Promise.all([record(s, WINBACK), record(s, WINBACK, { channel: "sms" })]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = await record(s, WINBACK);
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { reason: string; error: { message: string } };
    expect(body.reason).toBe("cap_reached");
    expect(body.error.message).toContain("2 contact(s)");
    expect(await s.app.alumni.standing(WINBACK)).toMatchObject({ contactsUsed: 2, mayContact: false });
  });

  it("a consent withdrawn later (the CRM record updated after the farewell's yes) wins", async () => {
    const customer = (await s.app.store.customers.get(WINBACK))!;
    await s.app.store.customers.upsertMany([
      {
        ...customer,
        consents: {
          ...customer.consents,
          winBack: { given: false, at: "2027-03-24T08:00:00Z", channel: "email" },
        },
      },
    ]);
    s.clock.set("2027-03-25T09:00:00Z");
    const res = await api(s, WINBACK, { key: KEY });
    expect(await res.json()).toMatchObject({
      mayContact: false,
      consent: { given: false, source: "crm", at: "2027-03-24T08:00:00.000Z" },
      reasons: [{ code: "no_consent" }],
    });
  });
});

describe("the alumni API without keys configured", () => {
  it("answers 503 and never opens", async () => {
    const s = await aServer({});
    try {
      const get = await api(s, WINBACK, { key: KEY });
      expect(get.status).toBe(503);
      expect(((await get.json()) as { error: { message: string } }).error.message).toContain(
        "FAIREXIT_ALUMNI_API_KEYS",
      );
      expect((await record(s, WINBACK)).status).toBe(503);
    } finally {
      await s.close();
    }
  });

  it("refuses a key shorter than 32 characters at start, without showing it", () => {
    expect(() => loadConfig({ FAIREXIT_ALUMNI_API_KEYS: `${KEY},short-key` })).toThrow(
      /FAIREXIT_ALUMNI_API_KEYS: expected keys of at least 32 characters each.*a value of \d+ characters/,
    );
  });
});

describe("a withdrawal passed on by a marketing tool", () => {
  let s: Running;
  beforeAll(async () => {
    s = await aServer({ FAIREXIT_ALUMNI_API_KEYS: KEY });
  });
  afterAll(async () => s.close());

  const withdraw = (body: unknown) =>
    fetch(`${s.url}/api/alumni/${WINBACK}/consent`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("wins over the farewell's earlier yes at once, is kept in the audit trail, and can never give consent", async () => {
    await leave(s, WINBACK, "yes");
    s.clock.set("2027-04-01T09:00:00Z");
    expect(((await (await api(s, WINBACK, { key: KEY })).json()) as { mayContact: boolean }).mayContact).toBe(
      true,
    );

    const give = await withdraw({ given: true });
    expect(give.status).toBe(400);
    expect(((await give.json()) as { error: { message: string } }).error.message).toMatch(
      /^given: expected false/,
    );

    const res = await withdraw({ given: false, channel: "email", at: "2027-04-01T08:30:00Z" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      mayContact: false,
      reasons: [{ code: "no_consent" }],
      consent: { given: false, source: "api", at: "2027-04-01T08:30:00.000Z", channel: "email" },
    });
    const refused = await record(s, WINBACK);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { reason: string }).reason).toBe("no_consent");
    const kept = await s.app.store.audit.read({ conversationId: `alumni:${WINBACK}` });
    expect(kept.map((e) => [e.kind, e.data.winBack, e.data.source])).toEqual([["consent", false, "api"]]);
    expect(await s.app.store.audit.verify()).toEqual([]);
    expect((await withdraw({ given: false, at: "2027-01-01T00:00:00Z" })).status).toBe(400);
    expect(
      (
        await fetch(`${s.url}/api/alumni/cust-nobody/consent`, {
          method: "POST",
          headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
          body: JSON.stringify({ given: false }),
        })
      ).status,
    ).toBe(404);
  });
});
