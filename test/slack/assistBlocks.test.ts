/**
 * The Block Kit of a session message stays within Slack's limits however big the view (50
 * blocks, 3,000 characters a text, 150 a header, 2,000 a button value), puts open items
 * before what is done, and escapes what customers and agents wrote.
 */
import { describe, expect, it } from "vitest";
import { assistBlocks, buttonValue, parseButtonValue } from "../../src/adapters/slack/assistBlocks.js";
import { AssistView } from "../../src/assist/view.js";

const at = "2026-11-23T10:00:00Z";

function aView(items: number, alerts: number): AssistView {
  return AssistView.parse({
    sessionId: "call-<1>",
    version: 42,
    updatedAt: at,
    status: "live",
    customerId: "cust-1",
    transcript: [],
    checklist: Array.from({ length: items }, (_, i) => ({
      obligationId: `ob-${i}`,
      ruleId: "rule",
      topic: `topic ${i}`,
      say: `${"x".repeat(4000)} <script>`,
      before: "confirm",
      status: i % 3 === 0 ? "discharged" : "open",
      ...(i % 3 === 0 ? { dischargedBy: { kind: "hand", agent: "slack:U1", at } } : {}),
    })),
    alerts: Array.from({ length: alerts }, (_, i) => ({
      id: `u${i}#tone`,
      kind: "tone",
      severity: "violation",
      ruleId: "condescension",
      message: "Condescending",
      words: "What did you expect? <@channel>",
      alternative: "I understand; let me help.",
      dismissed: false,
    })),
    next: [{ for: "ob-1", text: "Say this & that" }],
  });
}

type AnyBlock = {
  type: string;
  text?: { text: string };
  accessory?: { value: string };
  elements?: { text: string }[];
};

describe("Block Kit for a session", () => {
  it("never exceeds 50 blocks or Slack's text limits", () => {
    const blocks = assistBlocks(aView(60, 100)) as AnyBlock[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) {
      if (b.type === "header") expect(b.text!.text.length).toBeLessThanOrEqual(150);
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      for (const e of b.elements ?? []) expect(e.text.length).toBeLessThanOrEqual(3000);
      if (b.accessory) expect(b.accessory.value.length).toBeLessThanOrEqual(2000);
    }
  });

  it("shows alerts and open items before what is done, and the version", () => {
    const blocks = assistBlocks(aView(4, 1)) as AnyBlock[];
    const texts = blocks.map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(" ") ?? "");
    const firstAlert = texts.findIndex((t) => t.includes("Condescending"));
    const firstOpen = texts.findIndex((t) => t.includes("topic 1"));
    const done = texts.findIndex((t) => t.includes("topic 0 (ticked by hand)"));
    expect(firstAlert).toBeGreaterThan(0);
    expect(firstOpen).toBeGreaterThan(firstAlert);
    expect(done).toBeGreaterThan(firstOpen);
    expect(texts.join("\n")).toContain("v42");
  });

  it("escapes what people wrote, so it cannot mention @channel or inject links", () => {
    const text = JSON.stringify(assistBlocks(aView(2, 1)));
    expect(text).not.toContain("<@channel>");
    expect(text).toContain("&lt;@channel&gt;");
    expect(text).toContain("this &amp; that");
  });

  it("reads back the session and item of a button, whatever characters they hold", () => {
    expect(parseButtonValue(buttonValue("a|b", "u1#tone|x"))).toEqual({ sessionId: "a|b", id: "u1#tone|x" });
    expect(parseButtonValue("a|b")).toBeUndefined();
    expect(parseButtonValue('{"s":"a"}')).toBeUndefined();
  });
});
