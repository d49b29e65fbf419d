/**
 * The claim kinds an LLM is shown (src/domain/llmLabels.ts) mean what the rules mean: each
 * description's example sentences are classified by the rules as that kind, so the LLM and the
 * rules label a sentence alike, and `unmatched_claims` (which compares kinds with the recorded
 * promises) does not depend on who classified it. Leaving without paying ("no charge to
 * cancel") is `fee_waiver`; leaving at any time ("no minimum term") is `free_cancellation`.
 */
import { describe, expect, it } from "vitest";
import { CLAIM_KIND_EXAMPLES, CLAIM_KIND_LABELS, type ClaimKind } from "../../src/domain/llmLabels.js";
import { understand } from "../../src/understanding/understandByRules.js";

const kinds = Object.keys(CLAIM_KIND_LABELS) as ClaimKind[];

describe("the LLM's claim kinds agree with the rules", () => {
  const cases = kinds.flatMap((kind) => CLAIM_KIND_EXAMPLES[kind].map((sentence) => ({ kind, sentence })));
  it.each(cases)("$kind: $sentence", ({ kind, sentence }) => {
    expect(understand(sentence, "anything").claim).toEqual({ text: sentence, kind });
  });

  it("shows every example in its description, and has examples for every kind", () => {
    for (const kind of kinds) {
      expect(CLAIM_KIND_EXAMPLES[kind].length, kind).toBeGreaterThan(0);
      for (const sentence of CLAIM_KIND_EXAMPLES[kind])
        expect(CLAIM_KIND_LABELS[kind]).toContain(`"${sentence}"`);
    }
  });

  it("describes a free cancellation as leaving at any time, and no charge to cancel as a fee waiver", () => {
    expect(CLAIM_KIND_LABELS.free_cancellation).toMatch(/any time/);
    expect(CLAIM_KIND_LABELS.free_cancellation).not.toMatch(/for free/);
    expect(CLAIM_KIND_LABELS.fee_waiver).toMatch(/no charge to cancel/i);
  });
});
