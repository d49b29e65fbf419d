/**
 * Issue 16, class 1, property-based: the moving customer with a recorded promise tells the same
 * facts in any order, before or after identification, in English, German or Swedish, with
 * questions in the middle and wrong postcodes corrected later. Whatever the order, what the
 * customer receives is the same as in the canonical order: the cancellation is executed, the
 * receipt and the decision carry the same totals (the exit fee waived, never charged), the bot
 * never says it did not understand, and never asks for the reason or the new postcode again
 * once it was told (see `differences`).
 *
 *     FAIREXIT_FLOW_RUNS=500 npx vitest run test/bot/flow/anyOrder.property.test.ts
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CANONICAL, conversations, differences, play } from "./conversationGenerator.js";

const RUNS = Number(process.env.FAIREXIT_FLOW_RUNS ?? 150);

describe("the moving customer with a recorded promise, in any order and wording", () => {
  it("gets the canonical outcome: executed, the fee waived, nothing misunderstood or asked twice", async () => {
    const canonical = await play(CANONICAL);
    expect(canonical.executed, canonical.transcript.join("\n")).toBe(true);
    expect(canonical.decision?.totals).toEqual([{ currency: "SEK", amount: 0 }]);
    await fc.assert(
      fc.asyncProperty(conversations(), async (c) => {
        const p = await play(c);
        expect(differences(p, canonical), p.transcript.join("\n")).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, 180_000);
});
