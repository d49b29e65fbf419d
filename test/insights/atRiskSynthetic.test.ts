/** The synthetic history: seeded, valid, with every kind of story, and the score tells some of them apart. */
import { describe, expect, it } from "vitest";
import { Customer } from "../../src/domain/customer.js";
import { backtest } from "../../src/insights/atRiskBacktest.js";
import { beforeLeaving, syntheticHistory } from "../../src/insights/syntheticHistory.js";

const options = { customers: 120, seed: 11, end: "2026-12-01" };

describe("synthetic history", () => {
  const history = syntheticHistory(options);

  it("is the same for the same seed, and different for another", () => {
    expect(syntheticHistory(options)).toEqual(history);
    expect(syntheticHistory({ ...options, seed: 12 })).not.toEqual(history);
  });

  it("is valid, covers two years and has leavers, silent leavers and stayers", () => {
    for (const s of history) {
      expect(Customer.safeParse(s.customer).success).toBe(true);
      for (const i of s.customer.interactions) expect(i.at.slice(0, 10) <= options.end).toBe(true);
    }
    const stories = new Set(history.map((s) => s.story));
    for (const story of ["left_after_failures", "left_moving", "stayed_despite_problems", "stayed_quiet"])
      expect(stories).toContain(story);
    const leavers = history.filter((s) => s.leftAt);
    expect(leavers.length).toBeGreaterThan(20);
    for (const s of leavers) {
      expect(s.customer.services.every((sv) => sv.status === "ended")).toBe(true);
      const before = beforeLeaving(s);
      expect(before.services.every((sv) => sv.status === "active")).toBe(true);
      expect(before.interactions.every((i) => i.at < (s.leftAt as string))).toBe(true);
    }
  });

  it("the score flags more leavers after failures than silent leavers", () => {
    const b = backtest(history.map((s) => s.customer));
    const storyOf = new Map(history.map((s) => [s.customer.id, s.story]));
    const flaggedShare = (...stories: string[]) => {
      const rows = b.rows.filter((r) => stories.includes(storyOf.get(r.customerId) ?? ""));
      return rows.filter((r) => (r.scores[30] ?? 0) >= b.threshold).length / rows.length;
    };
    const afterFailures = flaggedShare("left_after_failures");
    const silent = flaggedShare("left_moving", "left_bereavement", "left_cheaper_elsewhere");
    expect(afterFailures).toBeGreaterThan(0.5);
    expect(afterFailures).toBeGreaterThan(2 * silent);
  });
});
