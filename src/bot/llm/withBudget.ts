/**
 * Runs an asynchronous task within a time budget. The task gets an AbortSignal that fires
 * when the budget is spent (or the caller's own signal fires); the result is settled at that
 * moment even if the task ignores its signal, so a slow LLM never holds a customer waiting
 * longer than the budget. Never throws: a failure is a value.
 *
 * @example
 * import { withBudget } from "./withBudget.js";
 * const r = await withBudget(2000, (signal) => llm.rephrase(request, signal));
 * const text = r.ok ? r.value : template;
 */

export type BudgetResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** `timeout`: the budget was spent; `aborted`: the caller's signal fired; `error`: the task failed. */
      reason: "timeout" | "aborted" | "error";
      error?: unknown;
    };

/** Why the task's signal fired when the budget ran out (`signal.reason`). */
export class BudgetExceededError extends Error {
  constructor(readonly budgetMs: number) {
    super(`no answer within the budget of ${budgetMs} ms`);
    this.name = "BudgetExceededError";
  }
}

/**
 * Calls `task` with a signal that aborts after `budgetMs` milliseconds or when `parent`
 * aborts, and returns its value or why there is none. A budget of 0 or less, or a parent
 * already aborted, does not call the task.
 */
export async function withBudget<T>(
  budgetMs: number,
  task: (signal: AbortSignal) => Promise<T>,
  parent?: AbortSignal,
): Promise<BudgetResult<T>> {
  if (parent?.aborted) return { ok: false, reason: "aborted", error: parent.reason };
  if (!(budgetMs > 0)) return { ok: false, reason: "timeout", error: new BudgetExceededError(budgetMs) };

  const controller = new AbortController();
  let timedOut = false;
  const onParentAbort = () => controller.abort(parent?.reason);
  parent?.addEventListener("abort", onParentAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new BudgetExceededError(budgetMs));
  }, budgetMs);
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
  });

  try {
    const value = await Promise.race([Promise.resolve().then(() => task(controller.signal)), stopped]);
    return { ok: true, value };
  } catch (error) {
    if (timedOut) return { ok: false, reason: "timeout", error };
    if (parent?.aborted) return { ok: false, reason: "aborted", error };
    return { ok: false, reason: "error", error };
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener("abort", onParentAbort);
  }
}
