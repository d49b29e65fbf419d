/**
 * Assist sessions in memory, at most `max` of them: when full, the oldest ended session goes
 * first, then the least recently updated one (a call nobody has spoken in for longest).
 */
import type { AssistSessionStore } from "./ports.js";
import type { AssistSession } from "./session.js";

export class MemoryAssistSessions implements AssistSessionStore {
  /** In insertion order, refreshed on every put: the first is the least recently updated. */
  private readonly byId = new Map<string, AssistSession>();

  constructor(private readonly max = 5_000) {
    if (!(max >= 1)) throw new RangeError(`maxSessions must be at least 1, got ${max}`);
  }

  async get(sessionId: string): Promise<AssistSession | undefined> {
    return this.byId.get(sessionId);
  }

  async put(session: AssistSession): Promise<void> {
    this.byId.delete(session.sessionId);
    this.byId.set(session.sessionId, session);
    if (this.byId.size > this.max) this.evict();
  }

  async list(): Promise<AssistSession[]> {
    return [...this.byId.values()];
  }

  async delete(sessionId: string): Promise<void> {
    this.byId.delete(sessionId);
  }

  get size(): number {
    return this.byId.size;
  }

  private evict(): void {
    for (const [id, s] of this.byId)
      if (s.status === "ended") {
        this.byId.delete(id);
        return;
      }
    const oldest = this.byId.keys().next().value;
    if (oldest !== undefined) this.byId.delete(oldest);
  }
}
