/**
 * Agent assist in the audit trail: each action under its own kind (`assist_session`,
 * `assist_tick`, `assist_alert`, `assist_dismiss`, `assist_check`), with ids only: never the
 * words said, never the customer's personal data. Logs written before these kinds existed
 * (assist entries filed under `handover`, `disclosure`, `tone_finding`) still read and verify.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonlAuditLog } from "../../../src/adapters/files/jsonlAuditLog.js";
import { AuditEntry } from "../../../src/domain/auditEntry.js";
import { AGENT, anAssistDesk } from "./support.js";

const UNLOCK = "device-unlock:svc-uk-locked-mobile:dev-uk-locked-handset";

describe("assist actions in the audit trail", () => {
  it("each action has its own kind, and the entries carry ids, not words or personal data", async () => {
    const { desk, call, log } = await anAssistDesk();
    const c = call("call-audit", "cust-uk-locked-handset");
    await c.agent("Text PAC to 65075 and your porting code arrives within a minute.");
    const alerted = await c.agent("Priya, you have to visit a store to cancel.");
    await desk.tick("call-audit", UNLOCK, AGENT);
    await desk.dismiss("call-audit", alerted.alerts[0]?.id ?? "", AGENT);
    await desk.check("I'll cancel that now.", { sessionId: "call-audit", agent: AGENT });
    await desk.end("call-audit", AGENT);

    const entries = log.entries.filter((e) => e.conversationId === "assist:call-audit");
    // One alert entry per alert the words raised (the tone rules may find more than one).
    const alerts = entries.filter((e) => e.data.assist === "alert");
    expect(alerts.map((e) => e.data.alertId)).toEqual(alerted.alerts.map((a) => a.id));
    expect(new Set(alerts.map((e) => e.kind))).toEqual(new Set(["assist_alert"]));
    expect(entries.filter((e) => e.data.assist !== "alert").map((e) => [e.kind, e.data.assist])).toEqual([
      ["assist_session", "open"],
      ["assist_tick", "discharge"],
      ["assist_tick", "tick"],
      ["assist_dismiss", "dismiss"],
      ["assist_check", "check"],
      ["assist_session", "end"],
    ]);
    expect(entries[1]?.data).toMatchObject({
      obligationId: "porting-code:svc-uk-locked-mobile",
      by: "speech",
      utteranceId: "u1",
    });
    expect(alerts[0]?.data).toMatchObject({ alertId: alerted.alerts[0]?.id, utteranceId: "u2" });
    expect(entries.find((e) => e.data.assist === "tick")?.data).toMatchObject({
      obligationId: UNLOCK,
      by: "hand",
      agent: "agent-7",
    });
    const written = JSON.stringify(entries);
    // Not the words said (the utterances, the draft), not the customer's name, number or address.
    expect(written).not.toMatch(/65075|visit a store|cancel that now|Priya|Shah|447700900123|M14 5RT/);
    for (const e of entries) expect(AuditEntry.safeParse(e).success).toBe(true);
  });

  it("a bot hand-over and an account attached later are session entries too", async () => {
    const { desk, log } = await anAssistDesk();
    await desk.open({ sessionId: "call-attach", source: "events" });
    await desk.attachCustomer("call-attach", "UK318826", AGENT);
    const entries = log.entries.filter((e) => e.conversationId === "assist:call-attach");
    expect(entries.map((e) => [e.kind, e.data.assist])).toEqual([
      ["assist_session", "open"],
      ["assist_session", "attach"],
    ]);
    expect(entries[1]?.data).toMatchObject({ customerId: "cust-uk-locked-handset", agent: "agent-7" });
  });

  it("a log with assist entries under the old kinds still verifies, with new entries after them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairexit-assist-audit-"));
    try {
      const file = join(dir, "audit.jsonl");
      const key = "the-audit-key-kept-outside-the-folder-0123456789";
      const old = await JsonlAuditLog.open(file, { key });
      const at = "2026-11-23T10:00:00Z";
      for (const [kind, assist] of [
        ["handover", "open"],
        ["disclosure", "discharge"],
        ["tone_finding", "alert"],
      ] as const)
        await old.append({ at, conversationId: "assist:old", kind, data: { assist, sessionId: "old" } });
      const now = await JsonlAuditLog.open(file, { key });
      await now.append({
        at,
        conversationId: "assist:new",
        kind: "assist_session",
        data: { assist: "open", sessionId: "new" },
      });
      const reread = await JsonlAuditLog.open(file, { key, readOnly: true });
      expect(await reread.verify()).toEqual([]);
      expect((await reread.read()).map((e) => e.kind)).toEqual([
        "handover",
        "disclosure",
        "tone_finding",
        "assist_session",
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
