/**
 * The demo calls the console replays (examples/assist/*.json), each replayed through the desk
 * as the console does (one final utterance after another), asserting the alerts and ticks the
 * call is there to show: on which line each alert fires, which line ticks which item, and that
 * nothing else fires. A demo call without an entry here fails, so a new one gets its own.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DemoCall } from "../../../src/channels/assist/demoCalls.js";
import { anAssistDesk } from "./support.js";

const dir = new URL("../../../examples/assist/", import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
const calls = files.map((f) => DemoCall.parse(JSON.parse(readFileSync(`${dir}${f}`, "utf8"))));

interface Expected {
  /** Each alert as `<line>: <kind> <ruleId>`, the line being the utterance's index in the call (0-based). */
  alerts: string[];
  /** Checklist items by obligation id prefix: the line whose words ticked it, or "open". */
  ticks: Record<string, number | "open">;
  /** What each alert's message says, in order (when given). */
  messages?: RegExp[];
}

const EXPECTED: Record<string, Expected> = {
  "locked-handset": {
    // The confirmation while the unlock and the mandate are open; the porting code is ticked before it.
    alerts: ["4: open_obligations exact-end-date"],
    messages: [/device unlock.*payment mandate/],
    ticks: { "porting-code": 2, "device-unlock": 5, "payment-mandate": "open" },
  },
  "moving-promise": {
    // The new postcode (line 2) is out of coverage: the recorded promise waives the fee.
    alerts: ["4: contradiction honour-recorded-promise"],
    messages: [/waived/],
    ticks: { "final-bill": "open" },
  },
  "paytv-overbilled": {
    alerts: [
      "1: tone tone.condescension.what-did-you-expect",
      "3: contradiction end-service",
      "3: tone tone.obstruction.must-visit-store",
      // "three months of Sports at half price" is not the policy's offer (20% off for 6 months, on price).
      "4: offer contradiction.unsanctioned_offer",
    ],
    ticks: { "final-bill": "open" },
  },
  "fair-call": { alerts: [], ticks: {} },
};

describe("the demo calls of the console", () => {
  it("each has its expected alerts and ticks here", () => {
    expect(calls.map((c) => c.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const demo of calls)
    it(`${demo.id}: ${demo.title}`, async () => {
      const expected = EXPECTED[demo.id] as Expected;
      const { desk, clock } = await anAssistDesk();
      const sessionId = `demo-${demo.id}`;
      let view = await desk.open({ sessionId, customerId: demo.customerId, source: "console" });
      for (const [i, u] of demo.utterances.entries()) {
        clock.advance(1000);
        view = await desk.hear({
          sessionId,
          utteranceId: `line-${i}`,
          customerId: demo.customerId,
          speaker: u.speaker,
          text: u.text,
          at: clock.now().toISOString(),
          final: true,
          source: "console",
        });
      }
      const line = (utteranceId: string | undefined) => Number(utteranceId?.replace("line-", ""));
      expect(view.alerts.map((a) => `${line(a.utterance?.utteranceId)}: ${a.kind} ${a.ruleId}`)).toEqual(
        expected.alerts,
      );
      for (const [i, message] of (expected.messages ?? []).entries())
        expect(view.alerts[i]?.message).toMatch(message);
      for (const [prefix, tick] of Object.entries(expected.ticks)) {
        const items = view.checklist.filter((c) => c.obligationId.startsWith(prefix));
        expect(items, prefix).not.toEqual([]);
        for (const item of items)
          if (tick === "open") expect(item.status, item.obligationId).toBe("open");
          else
            expect(item.dischargedBy, item.obligationId).toMatchObject({
              kind: "speech",
              utteranceId: `line-${tick}`,
            });
      }
    });
});
