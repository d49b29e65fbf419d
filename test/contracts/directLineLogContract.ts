/**
 * What every Direct Line log must do (memory, PostgreSQL): number activities in order from 0,
 * keep the newest MAX_ACTIVITIES and at most MAX_LOG_BYTES, page by watermark, start a
 * conversation once, and give two appends at once distinct numbers.
 */
import { expect, it } from "vitest";
import {
  ACTIVITIES_PAGE,
  type DirectLineLog,
  MAX_ACTIVITIES,
  MAX_LOG_BYTES,
  type UnnumberedActivity,
} from "../../src/channels/directLine/directLineLog.js";

const NOW = Date.parse("2026-11-23T10:00:00Z");

const message = (
  conversationId: string,
  text: string,
  role: "user" | "bot" = "user",
): UnnumberedActivity => ({
  type: "message",
  text,
  timestamp: new Date(NOW).toISOString(),
  channelId: "directline",
  conversation: { id: conversationId },
  from: { id: role === "bot" ? "fairexit" : "dl_visitor", role },
});

/** Every activity of the conversation, paging as Web Chat does. */
async function everything(log: DirectLineLog, id: string): Promise<string[]> {
  const texts: string[] = [];
  let watermark: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await log.page(id, watermark, NOW);
    texts.push(...page.activities.map((a) => String(a.text)));
    if (page.activities.length === 0) break;
    watermark = page.watermark;
  }
  return texts;
}

export function directLineLogContract(make: () => Promise<DirectLineLog>): void {
  it("starts a conversation once, keeping what the first start said of the opening", async () => {
    const log = await make();
    expect(await log.start("dl-a", true, NOW)).toEqual({ first: true, openingShown: true });
    expect(await log.start("dl-a", false, NOW)).toEqual({ first: false, openingShown: true });
    expect(await log.openingShown("dl-a")).toBe(true);
    expect(await log.openingShown("dl-unknown")).toBe(false);
  });

  it("numbers activities from 0 in order and pages them by watermark", async () => {
    const log = await make();
    await log.start("dl-b", true, NOW);
    const first = await log.append("dl-b", [message("dl-b", "hello", "bot")], NOW);
    expect(first.map((a) => a.id)).toEqual(["dl-b|0000000"]);
    const more = await log.append(
      "dl-b",
      [message("dl-b", "cancel"), message("dl-b", "which account?", "bot")],
      NOW,
    );
    expect(more.map((a) => a.id)).toEqual(["dl-b|0000001", "dl-b|0000002"]);
    const all = await log.page("dl-b", undefined, NOW);
    expect(all.activities.map((a) => a.text)).toEqual(["hello", "cancel", "which account?"]);
    expect(all.watermark).toBe("3");
    const after = await log.page("dl-b", "1", NOW);
    expect(after.activities.map((a) => a.text)).toEqual(["cancel", "which account?"]);
    expect((await log.page("dl-b", "3", NOW)).activities).toEqual([]);
    // A watermark the log never gave (from a log dropped since): from the oldest kept.
    expect((await log.page("dl-b", "99", NOW)).activities).toHaveLength(3);
    expect((await log.page("dl-b", "x", NOW)).activities).toHaveLength(3);
  });

  it(`keeps the newest ${MAX_ACTIVITIES} and pages ${ACTIVITIES_PAGE} at a time`, async () => {
    const log = await make();
    await log.start("dl-c", true, NOW);
    const batch = Array.from({ length: MAX_ACTIVITIES + 50 }, (_, i) => message("dl-c", `m${i}`));
    for (let i = 0; i < batch.length; i += 50) await log.append("dl-c", batch.slice(i, i + 50), NOW);
    const first = await log.page("dl-c", undefined, NOW);
    expect(first.activities).toHaveLength(ACTIVITIES_PAGE);
    expect(first.activities[0]?.text).toBe("m50");
    expect(first.activities[0]?.id).toBe("dl-c|0000050");
    const all = await everything(log, "dl-c");
    expect(all).toHaveLength(MAX_ACTIVITIES);
    expect(all.at(-1)).toBe(`m${MAX_ACTIVITIES + 49}`);
  });

  it(`keeps at most ${MAX_LOG_BYTES} bytes, the newest`, async () => {
    const log = await make();
    await log.start("dl-d", true, NOW);
    const big = "x".repeat(15_000);
    for (let i = 0; i < 100; i++) await log.append("dl-d", [message("dl-d", `${i}:${big}`)], NOW);
    const all = await everything(log, "dl-d");
    const bytes = all.reduce((n, t) => n + t.length, 0);
    expect(bytes).toBeLessThanOrEqual(MAX_LOG_BYTES);
    expect(bytes).toBeGreaterThan(MAX_LOG_BYTES / 2);
    expect(all.at(-1)?.startsWith("99:")).toBe(true);
  });

  it("gives appends made at the same moment distinct numbers, none lost", async () => {
    const log = await make();
    await log.start("dl-e", true, NOW);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => log.append("dl-e", [message("dl-e", `p${i}`)], NOW)),
    );
    const page = await log.page("dl-e", undefined, NOW);
    expect(new Set(page.activities.map((a) => a.id)).size).toBe(20);
    expect(page.activities.map((a) => a.text).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `p${i}`).sort(),
    );
  });
}
