/**
 * How sure the understander is, per intent, and the order intents are reported in: the
 * surest first, ties broken by what matters most to the conversation (a request for a person
 * first, then a change of heart, then the offer, the cancellation …).
 */
import type { Intent } from "../domain/understanding.js";

/** The confidence levels the detectors give. The engine asks the LLM below 0.6. */
export const CONFIDENCE = {
  /** A request for a person: always honoured. */
  person: 0.97,
  /** A short answer that fits what the bot asked ("yes" to "shall I cancel?", an account number when asked). */
  answer: 0.95,
  /** An explicit phrase ("I want to cancel", "we're moving"). */
  explicit: 0.92,
  /** A question mark; a yes or no that is the whole message when no answer was asked for. */
  clear: 0.9,
  /** A reason in so many words, when the bot did not ask for one. */
  reason: 0.85,
  /** A yes/no opening a longer message; an identity token found by its shape. */
  leading: 0.8,
  /** A keyword alone ("cancellation"), a question word without a question mark. */
  keyword: 0.7,
  /** Greetings and thanks beside something else. */
  aside: 0.6,
  /** A free-text answer tagged "other": worth asking the LLM. */
  guess: 0.55,
  /** Two answers that contradict each other ("yes … no"). */
  conflict: 0.5,
  /** Nothing matched ("unknown"). */
  unknown: 0.3,
  /** An empty message. */
  empty: 0.1,
} as const;

const PRIORITY: readonly Intent[] = [
  "ask_person",
  "keep_service",
  "decline_offer",
  "accept_offer",
  "cancel",
  "identify",
  "give_reason",
  "yes",
  "no",
  "question",
  "thanks",
  "greeting",
  "unknown",
];

export class IntentScores {
  private readonly scores = new Map<Intent, number>();

  /** Records `intent` with `score`, keeping the higher score if already there. */
  add(intent: Intent, score: number): void {
    if (score > (this.scores.get(intent) ?? 0)) this.scores.set(intent, score);
  }

  /** Sets the score, even lower than before. */
  set(intent: Intent, score: number): void {
    this.scores.set(intent, score);
  }

  get(intent: Intent): number {
    return this.scores.get(intent) ?? 0;
  }

  has(intent: Intent): boolean {
    return this.scores.has(intent);
  }

  remove(intent: Intent): void {
    this.scores.delete(intent);
  }

  get size(): number {
    return this.scores.size;
  }

  /** The intents, surest first, and the confidence of the first; "unknown" when none. */
  result(unknownConfidence: number): { intents: Intent[]; confidence: number } {
    if (this.scores.size === 0) return { intents: ["unknown"], confidence: unknownConfidence };
    const intents = [...this.scores.keys()].sort(
      (a, b) => this.get(b) - this.get(a) || PRIORITY.indexOf(a) - PRIORITY.indexOf(b),
    );
    return { intents, confidence: this.get(intents[0] ?? "unknown") };
  }
}
