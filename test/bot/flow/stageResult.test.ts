/**
 * `combine`: several step results as one, in order (replies and audit records one after the
 * other, a later state change over an earlier one), as the steps that join a record with the
 * hand-over that follows it rely on.
 */
import { describe, expect, it } from "vitest";
import { rewordable, verbatim } from "../../../src/bot/botReply.js";
import { combine } from "../../../src/bot/stageResult.js";

describe("combine", () => {
  it("keeps the replies and audit records in order and lets a later state change win", () => {
    const first = verbatim("first");
    const second = rewordable("second");
    const joined = combine(
      {
        replies: [first],
        audit: [{ kind: "decision", data: { n: 1 } }],
        state: { stage: "review", policyRevision: "r1" },
      },
      { replies: [], audit: [{ kind: "handover", data: { n: 2 } }] },
      { replies: [second], state: { stage: "handover", expecting: "anything" } },
    );
    expect(joined.replies).toEqual([first, second]);
    expect(joined.audit?.map((a) => a.kind)).toEqual(["decision", "handover"]);
    expect(joined.state).toEqual({ stage: "handover", policyRevision: "r1", expecting: "anything" });
  });

  it("changes no state when none of the results does", () => {
    const joined = combine({ replies: [verbatim("a")] }, { replies: [], audit: [] });
    expect(joined).not.toHaveProperty("state");
    expect(joined).not.toHaveProperty("identified");
  });
});
