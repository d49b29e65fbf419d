/**
 * Words said before the account was known: once the customer is attached (by hand, or by a
 * later utterance that names the account), what the agent already said is checked against the
 * decision: a contradiction is raised on the utterance it was said in, once; tone alerts raised
 * before stay as they were; words that contradict the decision tick nothing.
 */
import { describe, expect, it } from "vitest";
import { AGENT, anAssistDesk } from "./support.js";

const FEE_WORDS = "Right. Well, we'll invoice the remaining 9 months.";

describe("a customer attached after the call began", () => {
  it("a contradiction said before the account was known is raised once it is, on that utterance", async () => {
    const { desk, call, log } = await anAssistDesk();
    const c = call("call-late-fee");
    await c.customer("We're moving to Jokkmokk, 962 31.");
    const before = await c.agent(FEE_WORDS);
    expect(before.alerts.filter((a) => a.kind === "contradiction")).toEqual([]);

    const attached = await desk.attachCustomer("call-late-fee", "cust-se-moving", AGENT);
    const contradictions = attached.alerts.filter((a) => a.kind === "contradiction");
    expect(contradictions).toHaveLength(1);
    expect(contradictions[0]).toMatchObject({
      id: expect.stringMatching(/^u2#contradiction:/),
      severity: "violation",
      utterance: { utteranceId: "u2", text: FEE_WORDS },
      words: expect.stringMatching(/9 months/),
      alternative: expect.stringMatching(/waive|nothing/i),
    });
    // Audited as an alert on that utterance, ids only.
    const audited = log.entries.filter(
      (e) => e.conversationId === "assist:call-late-fee" && e.data.assist === "alert",
    );
    expect(audited.map((e) => e.data)).toEqual([
      expect.objectContaining({ alertId: contradictions[0]?.id, utteranceId: "u2", kind: "contradiction" }),
    ]);

    // More speech, and the account named again by a source, raise nothing twice.
    await c.agent("Let me check that for you.");
    const again = await desk.attachCustomer("call-late-fee", "cust-se-moving", AGENT);
    expect(again.alerts.map((a) => a.id)).toEqual(attached.alerts.map((a) => a.id));
  });

  it("a later utterance that names the account re-checks too, and tone alerts stay as they were", async () => {
    const { call } = await anAssistDesk();
    const anonymous = call("call-late-source");
    await anonymous.customer("We're moving to Jokkmokk, 962 31.");
    const toned = await anonymous.agent("You have to visit a store to cancel.");
    const tone = toned.alerts.filter((a) => a.kind === "tone");
    expect(tone.length).toBeGreaterThan(0);
    await anonymous.agent(FEE_WORDS);

    const named = call("call-late-source", "cust-se-moving");
    const view = await named.customer("My account is SE204718.");
    expect(view.customerId).toBe("cust-se-moving");
    expect(view.alerts.filter((a) => a.kind === "tone")).toEqual(tone);
    const fee = view.alerts.filter((a) => a.kind === "contradiction" && a.utterance?.utteranceId === "u3");
    expect(fee.map((a) => a.words)).toEqual(["9 months"]);
  });

  it("words that contradict the decision tick nothing, even when they name the topic", async () => {
    const { desk, call } = await anAssistDesk();
    const c = call("call-late-bill");
    await c.customer("We're moving to Jokkmokk, 962 31.");
    await c.agent("You'll have to pay the exit fee of 4,041 SEK.");
    const view = await desk.attachCustomer("call-late-bill", "cust-se-moving", AGENT);
    expect(view.alerts.map((a) => a.kind)).toContain("contradiction");
    expect(view.checklist.filter((i) => i.dischargedBy?.kind === "speech")).toEqual([]);
  });
});
