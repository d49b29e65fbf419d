/**
 * What agents do by hand, and what the desk refuses: hand ticks, dismissals, drafts checked
 * before they are said, ending a session, unknown ids and malformed utterances; every action in
 * the audit trail with ids only.
 */
import { describe, expect, it } from "vitest";
import { AssistError } from "../../../src/assist/desk.js";
import { MemoryAssistSessions } from "../../../src/assist/memoryAssistSessions.js";
import { AGENT, anAssistDesk } from "./support.js";

const UNLOCK = "device-unlock:svc-uk-locked-mobile:dev-uk-locked-handset";
const AT = "2026-11-23T10:00:00Z";

describe("agent actions", () => {
  it("a hand tick is recorded as such, with who and when, and audited", async () => {
    const { desk, log, clock } = await anAssistDesk();
    await desk.open({
      sessionId: "call-tick",
      customerId: "cust-uk-locked-handset",
      agent: AGENT,
      source: "console",
    });
    clock.advance(5000);
    const view = await desk.tick("call-tick", UNLOCK, AGENT);
    const item = view.checklist.find((i) => i.obligationId === UNLOCK);
    expect(item).toMatchObject({
      status: "discharged",
      dischargedBy: { kind: "hand", agent: "agent-7", at: "2026-11-23T10:00:05.000Z" },
    });
    const entries = log.entries.filter((e) => e.conversationId === "assist:call-tick");
    expect(entries.map((e) => e.data.assist)).toEqual(["open", "tick"]);
    expect(entries[1]?.data).toMatchObject({
      obligationId: UNLOCK,
      by: "hand",
      agent: "agent-7",
      via: "console",
    });
    // No customer data beyond ids in the trail.
    expect(JSON.stringify(entries)).not.toMatch(/Priya|Shah|M14 5RT|447700900123/);
  });

  it("an alert dismissed stays in the view, marked, and is audited", async () => {
    const { desk, call, log } = await anAssistDesk();
    const c = call("call-dismiss", "cust-se-moving");
    await c.customer("We're moving to Jokkmokk, 962 31.");
    const [alert] = (await c.agent("We'll invoice the remaining 9 months.")).alerts;
    const view = await desk.dismiss("call-dismiss", alert?.id ?? "", AGENT);
    expect(view.alerts).toEqual([expect.objectContaining({ id: alert?.id, dismissed: true })]);
    expect(desk.list()).toEqual([expect.objectContaining({ sessionId: "call-dismiss", alerts: 0 })]);
    const kinds = log.entries
      .filter((e) => e.conversationId === "assist:call-dismiss")
      .map((e) => e.data.assist);
    expect(kinds).toEqual(["open", "alert", "dismiss"]);
  });

  it("a draft is checked against the session's decision before it is said", async () => {
    const { desk, call } = await anAssistDesk();
    const c = call("call-draft", "cust-se-moving");
    await c.customer("We're moving to Jokkmokk, 962 31.");
    const bad = await desk.check("You'll have to pay the exit fee of 4,041 SEK.", {
      sessionId: "call-draft",
      agent: AGENT,
    });
    expect(bad.ok).toBe(false);
    expect(bad.alerts.map((a) => a.kind)).toContain("contradiction");
    const good = await desk.check("Thanks for telling me; let me check what leaving means for you.", {
      sessionId: "call-draft",
      agent: AGENT,
    });
    expect(good).toEqual({ ok: true, alerts: [] });
    const early = await desk.check("I'll cancel that now.", { sessionId: "call-draft", agent: AGENT });
    expect(early.alerts.map((a) => a.kind)).toEqual(["open_obligations"]);
    // A check changes nothing in the session.
    expect(desk.view("call-draft")?.alerts).toEqual([]);
  });

  it("a session opened without a customer waits for one; the account number attaches it", async () => {
    const { desk } = await anAssistDesk();
    const waiting = await desk.open({ sessionId: "call-anon", source: "events" });
    expect(waiting).toMatchObject({ status: "awaiting_customer", checklist: [], next: [] });
    expect(waiting.history).toBeUndefined();
    const live = await desk.attachCustomer("call-anon", "UK318826", AGENT);
    expect(live).toMatchObject({ status: "live", customerId: "cust-uk-locked-handset" });
    expect(live.checklist.length).toBeGreaterThan(0);
    expect(live.version).toBeGreaterThan(waiting.version);
  });

  it("words said before the customer was attached count once the account is known", async () => {
    const { desk, call } = await anAssistDesk();
    const c = call("call-late");
    await c.customer("I'm switching to another network and want to keep my number.");
    await c.agent("Text PAC to 65075 and your porting code arrives within a minute.");
    expect(c.view.checklist).toEqual([]);
    const view = await desk.attachCustomer("call-late", "cust-uk-locked-handset", AGENT);
    const porting = view.checklist.find((i) => i.obligationId === "porting-code:svc-uk-locked-mobile");
    expect(porting?.dischargedBy).toMatchObject({ kind: "speech", utteranceId: "u2" });
  });

  it("a batch with one bad utterance is refused whole, naming its index and field", async () => {
    const { desk } = await anAssistDesk();
    const ok = {
      sessionId: "call-batch",
      utteranceId: "u1",
      speaker: "agent",
      text: "Hi",
      at: AT,
      final: true,
      source: "events",
    };
    await expect(desk.hearAll([ok, { ...ok, utteranceId: "u2", text: 7 }] as never)).rejects.toThrow(
      /^invalid utterances: 1\.text: /,
    );
    expect(desk.view("call-batch")).toBeUndefined();
  });

  it("an ended session keeps its view and refuses more speech", async () => {
    const { desk, call } = await anAssistDesk();
    const c = call("call-end", "cust-uk-locked-handset");
    await c.agent("Hello.");
    const ended = await desk.end("call-end", AGENT);
    expect(ended.status).toBe("ended");
    expect(ended.next).toEqual([]);
    await expect(c.agent("Anything else?")).rejects.toThrow(/session "call-end" has ended/);
    await expect(desk.attachCustomer("call-end", "UK318826", AGENT)).rejects.toThrow(/has ended/);
    // Opened again: a fresh session, its versions after the old ones.
    const again = await desk.open({
      sessionId: "call-end",
      customerId: "cust-uk-locked-handset",
      source: "events",
    });
    expect(again).toMatchObject({ status: "live", transcript: [], alerts: [] });
    expect(again.version).toBeGreaterThan(ended.version);
  });
});

describe("refusals", () => {
  it("unknown session, customer, obligation and alert are AssistErrors naming what was unknown", async () => {
    const { desk } = await anAssistDesk();
    await desk.open({ sessionId: "call-r", customerId: "cust-uk-locked-handset", source: "console" });
    const cases: [Promise<unknown>, string, RegExp][] = [
      [desk.tick("nope", UNLOCK, AGENT), "unknown_session", /unknown session "nope"/],
      [
        desk.attachCustomer("call-r", "cust-nobody", AGENT),
        "unknown_customer",
        /unknown customer "cust-nobody"/,
      ],
      [
        desk.tick("call-r", "no-such-obligation", AGENT),
        "unknown_obligation",
        /unknown obligation "no-such-obligation"/,
      ],
      [desk.dismiss("call-r", "u9#tone:x", AGENT), "unknown_alert", /unknown alert "u9#tone:x"/],
      [
        desk.open({ sessionId: "call-x", customerId: "cust-nobody", source: "console" }),
        "unknown_customer",
        /cust-nobody/,
      ],
    ];
    for (const [p, code, message] of cases) {
      const e = await p.then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(AssistError);
      expect(e).toMatchObject({ code, message: expect.stringMatching(message) });
    }
  });

  it("a bad utterance is refused with a message naming the field, and nothing is stored", async () => {
    const { desk } = await anAssistDesk();
    const base = {
      sessionId: "call-bad",
      utteranceId: "u1",
      speaker: "agent",
      text: "Hi",
      at: AT,
      final: true,
      source: "events",
    };
    const refused = async (u: unknown) => {
      try {
        await desk.hear(u as never);
      } catch (e) {
        expect(e).toBeInstanceOf(AssistError);
        expect((e as AssistError).code).toBe("invalid");
        return (e as Error).message;
      }
      throw new Error("accepted");
    };
    expect(await refused({ ...base, speaker: "supervisor" })).toMatch(/^invalid utterance: speaker: /);
    expect(await refused({ ...base, at: "yesterday" })).toMatch(/at: expected an ISO date-time with offset/);
    expect(await refused({ ...base, sessionId: "" })).toMatch(/sessionId: /);
    expect(await refused({ ...base, final: "yes" })).toMatch(/final: /);
    expect(await refused({ ...base, extra: 1 })).toMatch(/extra/);
    expect(desk.view("call-bad")).toBeUndefined();
    expect(desk.list()).toEqual([]);
  });
});

describe("bounds", () => {
  it("keeps at most maxSessions sessions, evicting ended ones first", async () => {
    const { desk } = await anAssistDesk({ maxSessions: 3 });
    for (const id of ["s1", "s2", "s3"]) await desk.open({ sessionId: id, source: "events" });
    await desk.end("s2");
    await desk.open({ sessionId: "s4", source: "events" });
    expect(
      desk
        .list()
        .map((s) => s.sessionId)
        .sort(),
    ).toEqual(["s1", "s3", "s4"]);
    await desk.open({ sessionId: "s5", source: "events" });
    expect(
      desk
        .list()
        .map((s) => s.sessionId)
        .sort(),
    ).toEqual(["s3", "s4", "s5"]);
    await expect(desk.tick("s1", UNLOCK, AGENT)).rejects.toThrow(/unknown session "s1"/);
  });

  it("forgets only its own view of a session in a store it was given: the session stays for other instances", async () => {
    const shared = new MemoryAssistSessions(100);
    const { desk } = await anAssistDesk({ maxSessions: 1, sessions: shared });
    await desk.open({ sessionId: "s1", customerId: "cust-uk-locked-handset", source: "events" });
    await desk.open({ sessionId: "s2", source: "events" });
    expect(desk.list().map((s) => s.sessionId)).toEqual(["s2"]);
    expect(await shared.get("s1")).toMatchObject({ sessionId: "s1", status: "live" });
    const view = await desk.tick("s1", UNLOCK, AGENT);
    expect(view.checklist.find((i) => i.obligationId === UNLOCK)?.dischargedBy?.kind).toBe("hand");
  });

  it("keeps the last 200 utterances of a long call", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-long", "cust-uk-locked-handset");
    for (let i = 0; i < 230; i++) await c.customer(`line ${i}`);
    expect(c.view.transcript).toHaveLength(200);
    expect(c.view.transcript[0]?.text).toBe("line 30");
  });
});
