/**
 * What a channel answers before the conversation sees a message (a message too long, one
 * without text) is in the conversation's language, and the web page's "Talk to a person"
 * button (a language-neutral request) hands over without switching a German chat to English.
 */
import { describe, expect, it } from "vitest";
import { respondToActivity } from "../../../src/channels/respondToActivity.js";
import { aCancellationBot } from "../cancellationBot.js";

const scope = (conversationId: string) => ({ conversationId, channel: "webchat" });
const texts = (replies: { text?: string }[]) => replies.map((r) => r.text ?? "").join("\n");

describe("a channel's own answers in the conversation's language", () => {
  it("says a message is too long, or has no text, in German in a German chat", async () => {
    const { engine } = await aCancellationBot();
    const id = "conv-channel-de";
    await respondToActivity(
      engine,
      { type: "message", text: "Ich möchte meinen Vertrag kündigen" },
      scope(id),
    );
    const tooLong = await respondToActivity(engine, { type: "message", text: "x".repeat(5000) }, scope(id));
    expect(texts(tooLong)).toContain("zu lang");
    const noText = await respondToActivity(engine, { type: "message", value: { other: 1 } }, scope(id));
    expect(texts(noText)).toContain("Textnachrichten");
  });

  it("answers in English in a new conversation", async () => {
    const { engine } = await aCancellationBot();
    const tooLong = await respondToActivity(
      engine,
      { type: "message", text: "x".repeat(5000) },
      scope("conv-channel-new"),
    );
    expect(texts(tooLong)).toContain("too long");
  });

  it("hands a German chat to a person on the page's button and stays German", async () => {
    const { engine, handover } = await aCancellationBot();
    const id = "conv-channel-person";
    await respondToActivity(
      engine,
      { type: "message", text: "Ich möchte meinen Vertrag kündigen" },
      scope(id),
    );
    const replies = await respondToActivity(
      engine,
      { type: "message", value: { request: "talk_to_person" } },
      scope(id),
    );
    expect(await engine.languageOf(id)).toBe("de");
    expect(texts(replies)).toMatch(/Mensch|Mitarbeiter/);
    expect(texts(replies)).not.toMatch(/\b(the|you|person)\b/i);
    expect(handover.records.length).toBe(1);
  });
});
