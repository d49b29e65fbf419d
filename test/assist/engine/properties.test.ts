/**
 * Properties of the desk over random calls: any interleaving of customer and agent utterances,
 * partials and their finals (repeated, late, out of order) never yields two alerts with one id,
 * and the versions a subscriber sees strictly increase per session.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import type { AssistUtterance } from "../../../src/assist/utterance.js";
import type { AssistView } from "../../../src/assist/view.js";
import { anAssistDesk } from "./support.js";

const AGENT_LINES = [
  "We'll invoice the remaining 9 months.",
  "You have to visit a store to cancel.",
  "Text PAC to 65075 and your porting code arrives within a minute.",
  "I'll cancel that now.",
  "That's cancelled for you.",
  "How about 20% off for six months instead?",
  "Your direct debit collects the final bill and then we cancel it.",
  "Do you want to know about the unlock?",
  "Last chance! This offer expires in 10 minutes.",
  "Okay.",
];
const CUSTOMER_LINES = [
  "We're moving to Jokkmokk, 962 31.",
  "No thanks, just cancel.",
  "I'm switching and want to keep my number.",
  "The salesman promised I could leave for free.",
  "Yes.",
];

const step = fc.record({
  session: fc.constantFrom("p-1", "p-2"),
  speaker: fc.constantFrom<"agent" | "customer">("agent", "customer"),
  line: fc.nat(20),
  /** Which utterance id: a small range, so partials, finals and repeats share ids. */
  id: fc.nat(6),
  final: fc.boolean(),
  cut: fc.nat(40),
});

it("never duplicates an alert id and versions strictly increase", async () => {
  const { desk, clock } = await anAssistDesk();
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
      run++;
      const seen: AssistView[] = [];
      const stop = desk.subscribe((v) => seen.push(v));
      try {
        for (const s of steps) {
          clock.advance(250);
          const lines = s.speaker === "agent" ? AGENT_LINES : CUSTOMER_LINES;
          const full = lines[s.line % lines.length] as string;
          const u: AssistUtterance = {
            sessionId: `${s.session}-${run}`,
            utteranceId: `${s.speaker}-${s.id}`,
            customerId: s.session === "p-1" ? "cust-se-moving" : "cust-uk-locked-handset",
            speaker: s.speaker,
            text: s.final ? full : full.slice(0, Math.max(1, s.cut)),
            at: clock.now().toISOString(),
            final: s.final,
            source: "events",
          };
          const view = await desk.hear(u);
          const ids = view.alerts.map((a) => a.id);
          expect(new Set(ids).size).toBe(ids.length);
        }
        const bySession = new Map<string, number>();
        for (const v of seen) {
          const before = bySession.get(v.sessionId) ?? -1;
          expect(v.version).toBeGreaterThan(before);
          bySession.set(v.sessionId, v.version);
        }
      } finally {
        stop();
      }
    }),
    { numRuns: 60 },
  );
});
