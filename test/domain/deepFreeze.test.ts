/**
 * What stores keep and hand out: frozen values that nobody can change, copied only when they
 * could still change; and what a turn works on: a copy it may change.
 */
import { describe, expect, it } from "vitest";
import { deepFreeze, frozenCopy, mutableCopy } from "../../src/domain/deepFreeze.js";

const aState = () => ({ stage: "review", facts: { claims: [{ text: "sales said free" }] }, at: undefined });

describe("frozen values", () => {
  it("deepFreeze freezes every level in place", () => {
    const s = deepFreeze(aState());
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.facts.claims[0])).toBe(true);
    expect(() => {
      (s.facts.claims[0] as { text: string }).text = "changed";
    }).toThrow(TypeError);
  });

  it("frozenCopy copies what its caller could still change", () => {
    const original = aState();
    const kept = frozenCopy(original);
    original.facts.claims[0]!.text = "changed afterwards";
    expect(kept.facts.claims[0]?.text).toBe("sales said free");
    expect(Object.isFrozen(kept.facts.claims)).toBe(true);
    expect("at" in kept).toBe(false);
  });

  it("frozenCopy keeps a value that is already frozen all the way down, and copies one frozen only on top", () => {
    const frozen = deepFreeze(aState());
    expect(frozenCopy(frozen)).toBe(frozen);
    expect(frozenCopy(frozenCopy(aState()))).toEqual(frozenCopy(aState()));

    const shallow = Object.freeze(aState());
    const kept = frozenCopy(shallow);
    expect(kept).not.toBe(shallow);
    shallow.facts.claims[0]!.text = "changed through the unfrozen child";
    expect(kept.facts.claims[0]?.text).toBe("sales said free");
  });
});

describe("mutableCopy", () => {
  it("gives a deep copy that may change without touching the frozen original", () => {
    const frozen = deepFreeze({ ...aState(), when: new Date("2026-11-23T10:00:00Z") });
    const copy = mutableCopy(frozen);
    copy.facts.claims.push({ text: "and the router is mine" });
    copy.facts.claims[0]!.text = "changed";
    copy.when.setUTCFullYear(2030);
    expect(frozen.facts.claims).toEqual([{ text: "sales said free" }]);
    expect(frozen.when.getUTCFullYear()).toBe(2026);
    expect(Object.isFrozen(copy.facts)).toBe(false);
    expect("at" in copy).toBe(false);
  });
});
