/**
 * What the LLM adds to a session a moment later, never in the way of `hear()`: the judge's
 * second opinion on a final agent utterance that raised no tone alert (`llm_judge` alerts), and
 * a summary of the customer's history and the call so far (`view.summary`: when a hand-over
 * opens a session, then every `summaryEvery` final utterances, one at a time per session).
 *
 * Each runs in the background within its time budget and is aborted when the session ends. A
 * failure or a timeout is logged (why, never the words) and ignored: everything else works
 * without an LLM. A result is handed to `apply`, which the desk runs under the session's lock
 * and publishes as a new view; a session that ended or was opened again meanwhile gets nothing.
 *
 * @example
 * const followUps = new LlmFollowUps(llm, applyLater, { logger });
 * followUps.heard(session, utterance, env); // returns at once
 */
import type { Llm } from "../domain/llm.js";
import { LlmError } from "../domain/llmError.js";
import type { Logger } from "../domain/logger.js";
import { judgeSpeech } from "../guardrails/index.js";
import { judgeAlerts } from "./alerts.js";
import { withAlerts } from "./hearUtterance.js";
import type { AssistSession } from "./session.js";
import { type AssistEnv, sessionDecision } from "./sessionDecision.js";
import { summaryRequestOf } from "./summaryRequest.js";
import type { UtteranceRef } from "./view.js";
import { spokenLanguage } from "./wording/index.js";

export const JUDGE_BUDGET_MS = 2_000;
export const SUMMARY_BUDGET_MS = 5_000;
export const SUMMARY_EVERY = 5;

export interface LlmFollowUpOptions {
  /** How long the judge may take per utterance (default 2 s). */
  judgeBudgetMs?: number;
  /** How long a summary may take (default 5 s). */
  summaryBudgetMs?: number;
  /** A summary at most every this many final utterances (default 5). */
  summaryEvery?: number;
}

/** A change to a session, computed when the LLM has answered; undefined: nothing to change. */
export type LateChange = (session: AssistSession, env: AssistEnv) => AssistSession | undefined;

/** Runs `change` on the live session opened at `openedAt`, under its lock, and publishes the result. */
export type ApplyLater = (sessionId: string, openedAt: string, change: LateChange) => Promise<void>;

export class LlmFollowUps {
  readonly #jobs = new Map<string, Set<AbortController>>();
  readonly #finalsSince = new Map<string, number>();
  readonly #summarising = new Set<string>();
  readonly #judgeMs: number;
  readonly #summaryMs: number;
  readonly #every: number;

  constructor(
    private readonly llm: Llm,
    private readonly apply: ApplyLater,
    private readonly options: LlmFollowUpOptions & { logger?: Logger | undefined } = {},
  ) {
    this.#judgeMs = options.judgeBudgetMs ?? JUDGE_BUDGET_MS;
    this.#summaryMs = options.summaryBudgetMs ?? SUMMARY_BUDGET_MS;
    this.#every = Math.max(1, options.summaryEvery ?? SUMMARY_EVERY);
  }

  /** After a final utterance was heard (`session` is the session after it). Returns at once. */
  heard(session: AssistSession, said: UtteranceRef, env: AssistEnv): void {
    const toned = session.alerts.some(
      (a) => a.kind === "tone" && a.utterance?.utteranceId === said.utteranceId,
    );
    if (said.speaker === "agent" && !said.bot && !toned) this.#judge(session, said, env);
    const n = (this.#finalsSince.get(session.sessionId) ?? 0) + 1;
    this.#finalsSince.set(session.sessionId, n);
    if (n >= this.#every) this.#summarise(session, env);
  }

  /** A session a hand-over opened: summarised at once. */
  opened(session: AssistSession, env: AssistEnv): void {
    this.#summarise(session, env);
  }

  /** The session ended or is gone: what runs for it is aborted. */
  stop(sessionId: string): void {
    for (const job of this.#jobs.get(sessionId) ?? []) job.abort();
    this.#jobs.delete(sessionId);
    this.#finalsSince.delete(sessionId);
    this.#summarising.delete(sessionId);
  }

  #judge(session: AssistSession, said: UtteranceRef, env: AssistEnv): void {
    if (!this.llm.judgeTone) return;
    const c = env.customer;
    const lang = spokenLanguage(said.text, c?.locale) ?? "en";
    this.#run(session, "judge", async (signal) => {
      let failure: string | undefined;
      const found = await judgeSpeech(this.llm, env.policy, said.text, {
        speaker: "agent",
        lang,
        budgetMs: this.#judgeMs,
        signal,
        names: c ? [c.name.given, c.name.family] : [],
        onFailure: (reason) => {
          failure = reason;
        },
      });
      if (failure !== undefined) throw new TextFreeFailure(failure);
      if (found.length === 0) return undefined;
      return (s, now) => {
        const facts = { decision: sessionDecision(s, now), customer: now.customer, now: now.now };
        const known = new Set(s.alerts.map((a) => a.id));
        const more = judgeAlerts(found, said, facts).filter((a) => !known.has(a.id));
        return more.length === 0 ? undefined : { ...s, alerts: withAlerts(s.alerts, more) };
      };
    });
  }

  #summarise(session: AssistSession, env: AssistEnv): void {
    const id = session.sessionId;
    if (!this.llm.summarise || this.#summarising.has(id)) return;
    if (!env.customer && !session.handover) return;
    this.#finalsSince.set(id, 0);
    this.#summarising.add(id);
    const { request, redactor } = summaryRequestOf(session, env);
    this.#run(
      session,
      "summary",
      async (signal) => {
        const answer = await withBudget(
          (this.llm.summarise as NonNullable<Llm["summarise"]>)(request, signal),
          signal,
        );
        const summary = redactor.restore(answer.summary);
        return (s) => (s.summary === summary ? undefined : { ...s, summary });
      },
      () => this.#summarising.delete(id),
    );
  }

  /** Runs `work` in the background with the budget of its kind; applies what it returns. */
  #run(
    session: AssistSession,
    what: "judge" | "summary",
    work: (signal: AbortSignal) => Promise<LateChange | undefined>,
    done?: () => void,
  ): void {
    const { sessionId, openedAt } = session;
    const job = new AbortController();
    const jobs = this.#jobs.get(sessionId) ?? new Set<AbortController>();
    jobs.add(job);
    this.#jobs.set(sessionId, jobs);
    const budget = what === "judge" ? this.#judgeMs : this.#summaryMs;
    const signal = AbortSignal.any([job.signal, AbortSignal.timeout(budget)]);
    work(signal)
      .then((change) => (change && !job.signal.aborted ? this.apply(sessionId, openedAt, change) : undefined))
      .catch((e: unknown) => {
        if (job.signal.aborted) return; // the session ended: nothing to say
        this.options.logger?.warn(
          { sessionId, llm: what, reason: reasonOf(e) },
          `assist LLM ${what} gave nothing; carrying on without it`,
        );
      })
      .finally(() => {
        jobs.delete(job);
        if (jobs.size === 0 && this.#jobs.get(sessionId) === jobs) this.#jobs.delete(sessionId);
        done?.();
      });
  }
}

/** A failure whose message is known to carry no words of the call (the judge's reasons). */
class TextFreeFailure extends Error {}

/** Why, without any text of the call: LlmError messages never quote; other errors by name only. */
function reasonOf(e: unknown): string {
  if (e instanceof LlmError) return `${e.code}: ${e.message}`;
  if (e instanceof TextFreeFailure || e instanceof OutOfTime) return e.message;
  return e instanceof Error ? e.name : "unknown error";
}

class OutOfTime extends Error {
  constructor() {
    super("the LLM ran out of time");
  }
}

/** Rejects when `signal` aborts, even if the port ignores it. */
function withBudget<T>(call: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new OutOfTime());
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    call.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
