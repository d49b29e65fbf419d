/**
 * The assist desk of one instance, seeing the sessions other instances change: the desk keeps
 * the views it computed itself; this wrapper adds the views of sessions changed elsewhere
 * (announced by `listenForAssistChanges`), loaded from the shared session store, computed with
 * the same pure `assistView`, and handed to the same subscribers (console SSE, Slack, Teams).
 * Actions (tick, dismiss, end, hear) go to the desk, which reads the session from the shared
 * store, so they act on the latest version whichever instance made it.
 */
import { assistView } from "../../assist/assistView.js";
import type { AssistDesk, SessionSummary, ViewListener } from "../../assist/desk.js";
import type { AssistSessionStore } from "../../assist/ports.js";
import { SessionEnvs } from "../../assist/sessionEnvs.js";
import type { AssistView } from "../../assist/view.js";
import { KeyedMutex } from "../../domain/keyedMutex.js";
import type { Logger } from "../../domain/logger.js";
import type { Clock, CustomerStore } from "../../domain/ports.js";
import type { LoadedSpeechModel } from "../../guardrails/index.js";
import type { CompiledPolicy } from "../../policies/index.js";
import type { AssistChange } from "./pgAssistSessions.js";

export interface SharedAssistDeskDeps {
  sessions: AssistSessionStore;
  customers: CustomerStore;
  policy: () => CompiledPolicy;
  clock: Clock;
  logger: Logger;
  /** The learned tone model, as the local desk has it. */
  speechModel?: LoadedSpeechModel | undefined;
  /** Views of other instances' sessions kept at most (default 5,000; the oldest go first). */
  maxViews?: number;
}

export interface SharedAssistDesk {
  desk: AssistDesk;
  /** A session changed somewhere (perhaps here): shows its new view when this desk does not have it yet. */
  changed(change: AssistChange): Promise<void>;
}

export function sharedAssistDesk(local: AssistDesk, deps: SharedAssistDeskDeps): SharedAssistDesk {
  const max = deps.maxViews ?? 5_000;
  const remote = new Map<string, AssistView>();
  const listeners = new Set<ViewListener>();
  const envs = new SessionEnvs(deps.customers, deps.policy, deps.speechModel);
  const order = new KeyedMutex();

  const newest = (sessionId: string): AssistView | undefined => {
    const mine = local.view(sessionId);
    const theirs = remote.get(sessionId);
    if (!theirs) return mine;
    return !mine || theirs.version > mine.version ? theirs : mine;
  };

  const summary = (v: AssistView): SessionSummary => ({
    sessionId: v.sessionId,
    ...(v.customerId ? { customerId: v.customerId } : {}),
    status: v.status,
    openItems: v.checklist.filter((c) => c.status === "open").length,
    alerts: v.alerts.filter((a) => !a.dismissed).length,
    updatedAt: v.updatedAt,
  });

  async function changed(change: AssistChange): Promise<void> {
    await order.run(change.sessionId, async () => {
      if ((newest(change.sessionId)?.version ?? -1) >= change.version) return; // made here, or seen
      const session = await deps.sessions.get(change.sessionId);
      if (!session || session.version <= (newest(change.sessionId)?.version ?? -1)) return;
      const view = assistView(session, await envs.envFor(session, deps.clock.now()));
      remote.delete(view.sessionId);
      remote.set(view.sessionId, view);
      if (remote.size > max) {
        const oldest = remote.keys().next().value;
        if (oldest !== undefined) {
          remote.delete(oldest);
          envs.forget(oldest);
        }
      }
      for (const l of listeners) {
        try {
          l(view);
        } catch (e) {
          deps.logger.error(
            { err: (e as Error).message, sessionId: view.sessionId },
            "assist listener failed",
          );
        }
      }
    });
  }

  const desk: AssistDesk = {
    ...local,
    view: newest,
    list() {
      const byId = new Map(local.list().map((s) => [s.sessionId, s]));
      for (const v of remote.values()) if (newest(v.sessionId) === v) byId.set(v.sessionId, summary(v));
      return [...byId.values()];
    },
    subscribe(listener) {
      listeners.add(listener);
      const unsubscribe = local.subscribe(listener);
      return () => {
        listeners.delete(listener);
        unsubscribe();
      };
    },
  };
  return { desk, changed };
}
