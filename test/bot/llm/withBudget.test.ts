import { describe, expect, it } from "vitest";
import { BudgetExceededError, withBudget } from "../../../src/bot/llm/withBudget.js";

/** A task that never settles and ignores its signal: only the budget can end it. */
const never = () => new Promise<string>(() => {});

describe("withBudget", () => {
  it("returns the task's value", async () => {
    expect(await withBudget(1000, async () => "done")).toEqual({ ok: true, value: "done" });
  });

  it("returns the task's error as a value", async () => {
    const boom = new Error("boom");
    expect(await withBudget(1000, async () => Promise.reject(boom))).toEqual({
      ok: false,
      reason: "error",
      error: boom,
    });
    const thrown = await withBudget(1000, () => {
      throw boom;
    });
    expect(thrown).toEqual({ ok: false, reason: "error", error: boom });
  });

  it("gives up when the budget is spent, even if the task ignores its signal", async () => {
    let seen: AbortSignal | undefined;
    const result = await withBudget(20, (signal) => {
      seen = signal;
      return never();
    });
    expect(result).toMatchObject({ ok: false, reason: "timeout" });
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBeInstanceOf(BudgetExceededError);
  });

  it("stops when the caller's signal fires", async () => {
    const parent = new AbortController();
    let seen: AbortSignal | undefined;
    const pending = withBudget(
      60_000,
      (signal) => {
        seen = signal;
        return never();
      },
      parent.signal,
    );
    parent.abort();
    expect(await pending).toMatchObject({ ok: false, reason: "aborted" });
    expect(seen?.aborted).toBe(true);
  });

  it("does not start when there is no budget or the caller already aborted", async () => {
    let calls = 0;
    const task = async () => {
      calls++;
      return "x";
    };
    expect(await withBudget(0, task)).toMatchObject({ ok: false, reason: "timeout" });
    expect(await withBudget(1000, task, AbortSignal.abort())).toMatchObject({ ok: false, reason: "aborted" });
    expect(calls).toBe(0);
  });
});
