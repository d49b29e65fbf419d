/**
 * The optional LLM judge of agent speech: runs after `checkSpeech` (asynchronously, so agent
 * assist can add an alert a moment later), asks the LLM port's `judgeTone` for tone problems,
 * and keeps only what it can check: a category of the policy's tone that applies to agents,
 * and a quote that occurs word for word in what the agent said. Personal data is replaced by
 * placeholders before the text leaves (redactForLlm); a quote containing a placeholder is
 * mapped back, so no invented words become an alert. The call has a time budget; a slow,
 * failed or malformed answer yields no findings (never an exception): the rules have already
 * run, the judge only adds.
 *
 * @example
 * const extra = await judgeSpeech(llm, policy, "Well, what did you think would happen?", { speaker: "agent", lang: "en", budgetMs: 1500 });
 * // [{ kind: "tone", category: "condescension", ruleId: "tone.condescension.llm-judge", … }]
 */
import type { Llm } from "../../domain/llm.js";
import { createRedactor } from "../redactForLlm.js";

/** What the judge needs of a compiled tone (structurally `CompiledTone`). */
export interface JudgedTone {
  categories: readonly {
    id: string;
    description: string;
    citation: string;
    alternative: string;
    speakers: readonly string[];
  }[];
}

/** Same shape as the checker's `Finding` (tone). */
export interface JudgedFinding {
  kind: "tone";
  category: string;
  ruleId: string;
  span: { start: number; end: number; text: string };
  message: string;
  alternative?: string;
}

export interface JudgeOptions {
  speaker: "bot" | "agent";
  lang: string;
  /** How long to wait for the LLM; after that, no findings. */
  budgetMs: number;
  /** Aborts the call early (the call ended, a newer utterance superseded this one). */
  signal?: AbortSignal;
  /** Names to redact besides what redactForLlm finds by itself (the customer's, the agent's). */
  names?: readonly string[];
  /** Why the judge gave nothing, for the caller's log (no text of the utterance in it). */
  onFailure?: (reason: string) => void;
}

const MAX_QUOTE = 300;

/** Tone findings the LLM names and the text backs up; `[]` when there is no judge or no answer. */
export async function judgeSpeech(
  llm: Llm | undefined,
  policy: { tone: JudgedTone },
  text: string,
  options: JudgeOptions,
): Promise<JudgedFinding[]> {
  if (!llm?.judgeTone || text.trim() === "") return [];
  const categories = policy.tone.categories.filter((c) => c.speakers.includes(options.speaker));
  if (categories.length === 0) return [];
  const redactor = createRedactor({ names: options.names ?? [] });
  const redacted = redactor.redact(text);
  const budget = AbortSignal.timeout(options.budgetMs);
  const signal = options.signal ? AbortSignal.any([budget, options.signal]) : budget;
  let verdict: Awaited<ReturnType<NonNullable<Llm["judgeTone"]>>>;
  try {
    verdict = await withBudget(
      llm.judgeTone(
        {
          text: redacted,
          language: options.lang,
          categories: categories.map((c) => ({ id: c.id, description: c.description })),
        },
        signal,
      ),
      signal,
    );
  } catch (e) {
    options.onFailure?.(e instanceof Error ? `${e.name}: ${e.message}` : "the judge failed");
    return [];
  }
  const byId = new Map(categories.map((c) => [c.id, c]));
  const out: JudgedFinding[] = [];
  for (const f of verdict.findings) {
    const category = byId.get(f.category);
    if (!category) continue;
    const quote = redactor.restore(f.quote).trim();
    if (quote.length < 3 || quote.length > MAX_QUOTE) continue;
    const start = indexOfWords(text, quote);
    if (start < 0) continue;
    const end = start + quote.length;
    if (out.some((g) => g.category === category.id && g.span.start < end && start < g.span.end)) continue;
    const said = text.slice(start, end);
    out.push({
      kind: "tone",
      category: category.id,
      ruleId: `tone.${category.id}.llm-judge`,
      span: { start, end, text: said },
      message: `${category.description} "${said}" (LLM judge: ${oneLine(f.reason)}; ${category.citation})`,
      alternative: category.alternative,
    });
  }
  return out;
}

/** Rejects when `signal` aborts, even if the port ignores it. */
function withBudget<T>(call: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error("the LLM judge ran out of time"));
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

/** Where `quote` occurs in `text`, ignoring case and typographic apostrophes; -1 if nowhere. */
function indexOfWords(text: string, quote: string): number {
  const norm = (s: string) => s.replace(/[\u2018\u2019\u02BC]/gu, "'").toLowerCase();
  return norm(text).indexOf(norm(quote));
}

/** The model's reason on one line, shortened (it is shown to the agent, never logged). */
function oneLine(reason: string): string {
  const line = reason.replace(/\s+/gu, " ").trim();
  return line.length > 160 ? `${line.slice(0, 157)}…` : line || "no reason given";
}
