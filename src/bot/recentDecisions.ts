/**
 * The last decision of each recent conversation, so its next turn can reuse it while it still
 * holds (policies/decisionReuse.ts). Bounded: the least recently used conversation is forgotten
 * first, and a forgotten one only costs its next turn a new decision. Per process: a turn
 * served by another instance decides for itself, with the same result.
 */
import type { MadeDecision } from "../policies/decisionReuse.js";

/** Enough for the conversations one instance serves at once; a decision with its trace is tens of KiB. */
export const RECENT_DECISIONS = 500;

export class RecentDecisions {
  private readonly byConversation = new Map<string, MadeDecision>();

  constructor(private readonly limit = RECENT_DECISIONS) {}

  get(conversationId: string): MadeDecision | undefined {
    return this.byConversation.get(conversationId);
  }

  /** Keeps `made` as the conversation's last decision (the most recently used); undefined forgets it. */
  keep(conversationId: string, made: MadeDecision | undefined): void {
    this.byConversation.delete(conversationId);
    if (!made) return;
    this.byConversation.set(conversationId, made);
    if (this.byConversation.size > this.limit) {
      const oldest = this.byConversation.keys().next().value;
      if (oldest !== undefined) this.byConversation.delete(oldest);
    }
  }

  get size(): number {
    return this.byConversation.size;
  }
}
