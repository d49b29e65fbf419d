/**
 * Activity parsing under hostile input: any JSON-ish value posted as an activity is either
 * read (`IncomingActivity`) or refused by the schema, never a throw; the customer's words read
 * from it (`incomingText`) are bounded; and the real engine answers every one of them
 * (`respondToActivity`) without throwing: nothing for what is not a message, "text only" for a
 * message with no words, "too long" past 4,000 characters.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { createApp } from "../../src/app.js";
import { IncomingActivity, MAX_MESSAGE_LENGTH, pickIncoming } from "../../src/channels/activity.js";
import { incomingText } from "../../src/channels/incomingText.js";
import { respondToActivity } from "../../src/channels/respondToActivity.js";
import { loadConfig } from "../../src/config.js";
import { repoRoot } from "../support/runFairexit.js";
import { fuzzParameters } from "./fuzzSettings.js";

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const words = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom("yes", "cancel my broadband", "  ", "\u200b\u200f", "\u202eesrever", "Ja, kündigen"),
  fc.nat({ max: 300 }).map((n) => "x".repeat(MAX_MESSAGE_LENGTH - 150 + n)),
);
const activityArb = fc.record(
  {
    type: fc.oneof(
      { weight: 6, arbitrary: fc.constant("message") },
      fc.constantFrom("conversationUpdate", "typing", "event", ""),
      junk,
    ),
    text: fc.oneof({ weight: 4, arbitrary: words }, junk),
    value: fc.oneof(
      junk,
      fc.record({ reply: fc.oneof(words, junk) }),
      fc.constant({ request: "talk_to_person" }),
    ),
    membersAdded: fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      junk,
      fc.array(fc.oneof(fc.record({ id: fc.oneof(fc.string(), junk) }), junk)),
    ),
    channelData: junk,
  },
  { requiredKeys: [] },
);
const rawArb = fc.oneof(
  { weight: 4, arbitrary: activityArb },
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }),
);

describe("reading an activity, for any JSON-ish value", () => {
  it("the schema reads it or refuses it, never throws; the words read are trimmed and bounded", () => {
    fc.assert(
      fc.property(rawArb, (raw) => {
        const parsed = IncomingActivity.safeParse(pickIncoming(raw));
        if (!parsed.success) {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          return;
        }
        const text = incomingText(parsed.data);
        if (text === undefined) return;
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
        expect(text).toBe(text.trim());
      }),
      fuzzParameters(500),
    );
  }, 180_000);
});

describe("the engine answering any JSON-ish activity", () => {
  let app: App;
  beforeAll(async () => {
    const config = loadConfig(
      {
        FAIREXIT_STORE: "memory",
        LOG_LEVEL: "silent",
        FAIREXIT_CLOCK_START: "2026-11-23T10:00:00Z",
        FAIREXIT_SECRET: "test-secret-for-the-fuzz-tests",
      },
      repoRoot,
    );
    app = await createApp(config);
  });

  let n = 0;
  let messages = 0;
  afterAll(async () => {
    console.info(`activity fuzz: ${n} activities, ${messages} of them messages the engine answered`);
    await app.close();
  });
  it("never throws: no reply to what is not a message, a plain reply to every message", async () => {
    await fc.assert(
      fc.asyncProperty(rawArb, async (raw) => {
        const conversationId = `fuzz-activity-${n++}`;
        const replies = await respondToActivity(app.engine, raw, { conversationId, channel: "directline" });
        const parsed = IncomingActivity.safeParse(pickIncoming(raw));
        const tooLong =
          raw !== null &&
          typeof raw === "object" &&
          typeof (raw as { text?: unknown }).text === "string" &&
          (raw as { text: string }).text.length > MAX_MESSAGE_LENGTH;
        if (!parsed.success && !tooLong) expect(replies).toEqual([]);
        if (parsed.success && parsed.data.type === "message") {
          messages++;
          expect(replies.length).toBeGreaterThan(0);
        }
        if (parsed.success && !["message", "conversationUpdate"].includes(parsed.data.type))
          expect(replies).toEqual([]);
        for (const r of replies) {
          expect(r.type).toBe("message");
          expect(typeof r.text).toBe("string");
          expect(r.text.length).toBeGreaterThan(0);
        }
      }),
      fuzzParameters(300),
    );
  }, 180_000);
});
