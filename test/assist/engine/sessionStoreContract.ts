/**
 * The contract every AssistSessionStore keeps (memory now, PostgreSQL with issue 18): one suite,
 * run against each implementation (see memoryAssistSessions.test.ts).
 */
import { describe, expect, it } from "vitest";
import type { AssistSessionStore } from "../../../src/assist/ports.js";
import { type AssistSession, newSession } from "../../../src/assist/session.js";

export interface SessionStoreUnderTest {
  store: AssistSessionStore;
  cleanup(): Promise<void>;
}

const AT = "2026-11-23T10:00:00.000Z";

/** A session with something of everything in it, as the engine leaves it. */
export function aSession(id: string): AssistSession {
  const s = newSession({ sessionId: id, source: "events", customerId: "cust-uk-locked-handset", at: AT });
  return {
    ...s,
    version: 3,
    transcript: [{ utteranceId: "u1", speaker: "agent", text: "Text PAC to 65075.", at: AT, final: true }],
    finals: ["u1"],
    facts: { reason: "switching_provider", keepNumber: true },
    discharged: { "porting-code:svc": { kind: "speech", utteranceId: "u1", at: AT } },
    alerts: [
      {
        id: "u1#tone:x",
        kind: "tone",
        severity: "warning",
        ruleId: "x",
        message: "m",
        dismissed: false,
      },
    ],
    dismissed: ["u1#tone:x"],
    agents: ["agent-7"],
  };
}

export function sessionStoreContract(name: string, open: () => Promise<SessionStoreUnderTest>): void {
  describe(`AssistSessionStore contract: ${name}`, () => {
    it("gives back what was put, equal as JSON", async () => {
      const t = await open();
      try {
        const s = aSession("s-1");
        await t.store.put(s);
        expect(JSON.parse(JSON.stringify(await t.store.get("s-1")))).toEqual(JSON.parse(JSON.stringify(s)));
        expect(await t.store.get("nope")).toBeUndefined();
      } finally {
        await t.cleanup();
      }
    });

    it("replaces on put, lists every session once, deletes", async () => {
      const t = await open();
      try {
        await t.store.put(aSession("s-1"));
        await t.store.put(aSession("s-2"));
        await t.store.put({ ...aSession("s-1"), version: 4 });
        const listed = await t.store.list();
        expect(listed.map((s) => s.sessionId).sort()).toEqual(["s-1", "s-2"]);
        expect((await t.store.get("s-1"))?.version).toBe(4);
        await t.store.delete("s-2");
        await t.store.delete("s-2");
        expect(await t.store.get("s-2")).toBeUndefined();
      } finally {
        await t.cleanup();
      }
    });
  });
}
