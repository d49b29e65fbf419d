/**
 * The assist desk (`AssistDesk`, see desk.ts): keeps the live sessions behind an
 * `AssistSessionStore`, feeds each utterance to the pure engine (`hearUtterance`, `assistView`),
 * tells subscribers of every new view and writes every agent action to the audit trail.
 * Utterances for one session are handled one at a time, in arrival order; sessions run
 * concurrently. With an LLM (`deps.llm`), its judge and summary run in the background
 * (llmFollowUps.ts) and arrive as a later view of the same session.
 *
 * @example
 * const desk = createAssistDesk({ customers: store.customers, policy: () => policies.current()!, clock, audit });
 * desk.subscribe((view) => console.log(view.version, view.alerts.length));
 * await desk.hear({ sessionId: "call-1", utteranceId: "u1", customerId: "cust-uk-locked-handset",
 *   speaker: "agent", text: "I'll cancel that now.", at: "2026-11-23T10:00:00Z", final: true, source: "events" });
 */
import { z } from "zod";
import type { Customer } from "../domain/customer.js";
import { isoString } from "../domain/dates.js";
import type { HandoverRecord } from "../domain/handover.js";
import { KeyedMutex } from "../domain/keyedMutex.js";
import { discharge } from "../guardrails/index.js";
import { type AssistAction, auditRecord } from "./assistAudit.js";
import { assistView } from "./assistView.js";
import { draftAlerts } from "./checkDraft.js";
import {
  type AgentRef,
  type AssistDesk,
  AssistError,
  type SessionSummary,
  type ViewListener,
} from "./desk.js";
import { sessionFromHandover } from "./handoverSession.js";
import { hearUtterance, reconsidered, refOf } from "./hearUtterance.js";
import { invalidInput } from "./invalidInput.js";
import { type LateChange, LlmFollowUps } from "./llmFollowUps.js";
import { MemoryAssistSessions } from "./memoryAssistSessions.js";
import type { AssistDeskDeps } from "./ports.js";
import { type AssistSession, newSession } from "./session.js";
import { type AssistEnv, sessionDecision } from "./sessionDecision.js";
import { SessionEnvs } from "./sessionEnvs.js";
import { AssistUtterance } from "./utterance.js";
import type { AssistView } from "./view.js";

const DEFAULT_MAX_SESSIONS = 5_000;
/** At most this many utterances in one `hearAll`. */
export const MAX_BATCH = 500;
const AssistBatch = z.array(AssistUtterance).max(MAX_BATCH);
const MAX_DRAFT = 4000;

export function createAssistDesk(deps: AssistDeskDeps): AssistDesk {
  const max = deps.maxSessions ?? DEFAULT_MAX_SESSIONS;
  const store = deps.sessions ?? new MemoryAssistSessions(max + 1);
  const mutex = new KeyedMutex();
  const views = new Map<string, AssistView>();
  const envs = new SessionEnvs(deps.customers, deps.policy, deps.speechModel);
  const listeners = new Set<ViewListener>();
  const followUps = deps.llm
    ? new LlmFollowUps(deps.llm, applyLater, { ...deps.llmFollowUps, logger: deps.logger })
    : undefined;

  const now = () => deps.clock.now();

  async function audit(
    action: AssistAction,
    sessionId: string,
    data: Record<string, unknown>,
    agent?: AgentRef,
  ) {
    const r = auditRecord(action, sessionId, data, agent);
    try {
      await deps.audit.record(r.conversationId, r.kind, r.data);
    } catch (e) {
      deps.logger?.error({ err: (e as Error).message, sessionId, action }, "assist audit entry not written");
    }
  }

  async function findCustomer(idOrAccount: string): Promise<Customer | undefined> {
    return (await deps.customers.get(idOrAccount)) ?? (await deps.customers.findByAccountNumber(idOrAccount));
  }

  const envFor = (session: AssistSession, at = now()): Promise<AssistEnv> => envs.envFor(session, at);

  function emit(view: AssistView): void {
    for (const l of listeners) {
      try {
        l(view);
      } catch (e) {
        deps.logger?.error(
          { err: (e as Error).message, sessionId: view.sessionId },
          "assist listener failed",
        );
      }
    }
  }

  /** Stores the session, computes its view, tells subscribers; evicts beyond the bound. */
  async function publish(session: AssistSession, env: AssistEnv): Promise<AssistView> {
    await store.put(session);
    const view = assistView(session, env);
    views.delete(session.sessionId);
    views.set(session.sessionId, view);
    if (views.size > max) await evict();
    emit(view);
    return view;
  }

  /** Drops the oldest ended session, or else the least recently updated one. */
  async function evict(): Promise<void> {
    let victim: string | undefined;
    for (const [id, v] of views)
      if (v.status === "ended") {
        victim = id;
        break;
      }
    victim ??= views.keys().next().value;
    if (victim === undefined) return;
    views.delete(victim);
    envs.forget(victim);
    followUps?.stop(victim);
    // The desk's own memory store is bounded with it. A store it was given (PostgreSQL) is
    // shared by every instance: this one only forgets its view; the session stays for the others.
    if (!deps.sessions) await store.delete(victim);
  }

  async function existing(sessionId: string): Promise<AssistSession> {
    const s = await store.get(sessionId);
    if (!s) throw new AssistError(`unknown session ${JSON.stringify(sessionId)}`, "unknown_session");
    return s;
  }

  function bumped(s: AssistSession, at: Date, agent?: AgentRef): AssistSession {
    const agents = agent && !s.agents.includes(agent.id) ? [...s.agents, agent.id] : s.agents;
    return { ...s, version: s.version + 1, updatedAt: isoString(at), agents };
  }

  function checkSource(source: unknown): string {
    const r = AssistUtterance.shape.source.safeParse(source);
    if (!r.success)
      throw invalidInput(
        "source",
        r.error.issues.map((i) => ({ ...i, path: ["source"] })),
      );
    return r.data;
  }

  function checkSessionId(sessionId: unknown): string {
    const r = AssistUtterance.shape.sessionId.safeParse(sessionId);
    if (!r.success)
      throw invalidInput(
        "session id",
        r.error.issues.map((i) => ({ ...i, path: ["sessionId"] })),
      );
    return r.data;
  }

  /** Opens `sessionId` (or returns it) with the customer attached when given. Under the session's lock. */
  async function openLocked(o: {
    sessionId: string;
    customerId?: string;
    agent?: AgentRef;
    source: string;
  }): Promise<AssistView> {
    const current = await store.get(o.sessionId);
    const at = now();
    const customer = o.customerId === undefined ? undefined : await findCustomer(o.customerId);
    if (o.customerId !== undefined && !customer)
      throw new AssistError(`unknown customer ${JSON.stringify(o.customerId)}`, "unknown_customer");
    if (current && current.status !== "ended" && (!customer || current.customerId === customer.id))
      return views.get(current.sessionId) ?? assistView(current, await envFor(current, at));
    // New, or opened again after it ended: a fresh session whose versions continue the old ones.
    const opened = !current || current.status === "ended";
    let s: AssistSession = opened
      ? {
          ...newSession({ sessionId: o.sessionId, source: o.source, at: isoString(at) }),
          version: current?.version ?? 0,
        }
      : current;
    if (customer) s = { ...s, customerId: customer.id, status: "live" };
    s = bumped(s, at, o.agent);
    const env = await envFor(s, at);
    const heard = s;
    if (!opened && customer) s = reconsidered(s, env);
    await audit(
      opened ? "open" : "attach",
      s.sessionId,
      { source: o.source, ...(s.customerId ? { customerId: s.customerId } : {}) },
      o.agent,
    );
    if (s !== heard) await auditHeard(heard, s);
    return publish(s, env);
  }

  async function change(
    sessionId: string,
    fn: (s: AssistSession, env: AssistEnv) => AssistSession | Promise<AssistSession>,
  ): Promise<AssistView> {
    return mutex.run(sessionId, async () => {
      const s = await existing(sessionId);
      const env = await envFor(s);
      const next = await fn(s, env);
      if (next === s) return views.get(sessionId) ?? assistView(s, env);
      return publish(next, env);
    });
  }

  async function hearOne(input: AssistUtterance): Promise<AssistView> {
    const parsed = AssistUtterance.safeParse(input);
    if (!parsed.success) throw invalidInput("utterance", parsed.error.issues);
    const u = parsed.data;
    return mutex.run(u.sessionId, async () => {
      let s = await store.get(u.sessionId);
      if (!s || (u.customerId && !s.customerId)) {
        await openLocked({
          sessionId: u.sessionId,
          source: u.source,
          ...(u.customerId ? { customerId: u.customerId } : {}),
          ...(u.agentId ? { agent: { id: u.agentId, via: "platform" } } : {}),
        });
        s = await existing(u.sessionId);
      }
      if (s.status === "ended")
        throw new AssistError(
          `session ${JSON.stringify(u.sessionId)} has ended; open it again to start a new session`,
          "invalid",
        );
      const env = await envFor(s);
      let next = hearUtterance(s, u, env);
      if (!next) return views.get(s.sessionId) ?? assistView(s, env);
      // The agent the platform names is on the session from their first words (a transfer adds one).
      if (u.agentId && !next.agents.includes(u.agentId))
        next = { ...next, agents: [...next.agents, u.agentId] };
      const view = await publish(next, env);
      if (u.final) {
        await auditHeard(s, next);
        followUps?.heard(next, refOf(u), env);
      }
      return view;
    });
  }

  /** What the LLM answered a moment later, on the live session it was asked for (never an ended one). */
  async function applyLater(sessionId: string, openedAt: string, change: LateChange): Promise<void> {
    await mutex.run(sessionId, async () => {
      const s = await store.get(sessionId);
      if (!s || s.status === "ended" || s.openedAt !== openedAt) return;
      const env = await envFor(s);
      const changed = change(s, env);
      if (!changed) return;
      const next = { ...changed, version: s.version + 1, updatedAt: isoString(env.now) };
      await auditHeard(s, next);
      await publish(next, env);
    });
  }

  /**
   * Audit entries for what words changed (an utterance heard, or words heard before the account
   * was attached, checked again): alerts raised, obligations discharged, ids only.
   */
  async function auditHeard(before: AssistSession, after: AssistSession) {
    const known = new Set(before.alerts.map((a) => a.id));
    // Whose words they were, when the transcript source named the agent: the report attributes by it.
    const saidBy = (utteranceId: string | undefined) => {
      const agentId = after.transcript.findLast((r) => r.utteranceId === utteranceId)?.agentId;
      return agentId ? { agent: agentId, via: "platform" } : {};
    };
    for (const a of after.alerts)
      if (!known.has(a.id))
        await audit("alert", after.sessionId, {
          alertId: a.id,
          kind: a.kind,
          ruleId: a.ruleId,
          ...(a.utterance ? { utteranceId: a.utterance.utteranceId } : {}),
          ...(a.utterance?.agentId ? { agent: a.utterance.agentId, via: "platform" } : {}),
        });
    for (const [obligationId, by] of Object.entries(after.discharged))
      if (!before.discharged[obligationId] && by.kind === "speech")
        await audit("discharge", after.sessionId, {
          obligationId,
          by: "speech",
          utteranceId: by.utteranceId,
          ...saidBy(by.utteranceId),
        });
  }

  const desk: AssistDesk = {
    async open(o) {
      const sessionId = checkSessionId(o.sessionId);
      const source = checkSource(o.source);
      return mutex.run(sessionId, () => openLocked({ ...o, sessionId, source }));
    },

    async openFromHandover(record: HandoverRecord) {
      const sessionId = checkSessionId(record.conversationId);
      return mutex.run(sessionId, async () => {
        const current = await store.get(sessionId);
        if (current && current.status !== "ended" && current.handover?.id === record.id)
          return views.get(sessionId) ?? assistView(current, await envFor(current));
        const at = now();
        const customer = record.customerId ? await deps.customers.get(record.customerId) : undefined;
        const opened = sessionFromHandover(record, {
          now: at,
          ...(customer ? { jurisdiction: customer.jurisdiction } : {}),
        });
        // A session of the same id (a transcript source got there first) is replaced; its views stay older.
        const s = current ? { ...opened, version: current.version + 1 } : opened;
        await audit("handover", sessionId, {
          handoverId: record.id,
          ...(s.customerId ? { customerId: s.customerId } : {}),
          botDischarged: Object.keys(s.discharged).length,
        });
        if (current) followUps?.stop(sessionId);
        const env = await envFor(s, at);
        const view = await publish(s, env);
        followUps?.opened(s, env);
        return view;
      });
    },

    async attachCustomer(sessionId, customerId, agent) {
      return mutex.run(sessionId, async () => {
        const s = await existing(sessionId);
        if (s.status === "ended")
          throw new AssistError(`session ${JSON.stringify(sessionId)} has ended`, "invalid");
        return openLocked({ sessionId, customerId, agent, source: s.source });
      });
    },

    hear: hearOne,

    async hearAll(utterances) {
      // All checked first: a batch with one bad utterance changes nothing.
      const parsed = AssistBatch.safeParse(utterances);
      if (!parsed.success) throw invalidInput("utterances", parsed.error.issues);
      const out: AssistView[] = [];
      for (const u of parsed.data) out.push(await hearOne(u));
      return out;
    },

    async tick(sessionId, obligationId, agent) {
      return change(sessionId, async (s, env) => {
        const decision = sessionDecision(s, env);
        const o = decision?.obligations.find((x) => x.id === obligationId);
        if (!o)
          throw new AssistError(
            `unknown obligation ${JSON.stringify(obligationId)} in session ${JSON.stringify(sessionId)}`,
            "unknown_obligation",
          );
        await audit(
          "tick",
          sessionId,
          { obligationId, by: "hand", already: s.discharged[o.id]?.kind ?? null },
          agent,
        );
        if (s.discharged[o.id]) return s;
        const at = env.now;
        return {
          ...bumped(s, at, agent),
          discharged: { ...s.discharged, [o.id]: { kind: "hand", agent: agent.id, at: isoString(at) } },
          ledger: discharge(s.ledger, [o.id], { messageId: `hand:${agent.id}`, at: isoString(at) }),
        };
      });
    },

    async dismiss(sessionId, alertId, agent) {
      return change(sessionId, async (s) => {
        const known =
          s.alerts.some((a) => a.id === alertId) ||
          Object.values(s.provisional).some((list) => list.some((a) => a.id === alertId));
        if (!known)
          throw new AssistError(
            `unknown alert ${JSON.stringify(alertId)} in session ${JSON.stringify(sessionId)}`,
            "unknown_alert",
          );
        await audit("dismiss", sessionId, { alertId }, agent);
        if (s.dismissed.includes(alertId)) return s;
        return { ...bumped(s, now(), agent), dismissed: [...s.dismissed, alertId] };
      });
    },

    async end(sessionId, agent) {
      return change(sessionId, async (s) => {
        if (s.status === "ended") return s;
        await audit("end", sessionId, {}, agent);
        followUps?.stop(sessionId);
        return { ...bumped(s, now(), agent), status: "ended", provisional: {} };
      });
    },

    async check(draft, o) {
      if (typeof draft !== "string" || draft.trim() === "" || draft.length > MAX_DRAFT)
        throw new AssistError(`invalid draft: expected 1 to ${MAX_DRAFT} characters of text`, "invalid");
      const at = now();
      const session = o.sessionId === undefined ? undefined : await existing(o.sessionId);
      const env = session
        ? await envFor(session, at)
        : { policy: deps.policy(), speechModel: deps.speechModel, now: at, decisionFor: () => undefined };
      const alerts = draftAlerts(draft, session, env);
      await audit("check", o.sessionId ?? "(none)", { alerts: alerts.map((a) => a.ruleId) }, o.agent);
      return { ok: alerts.length === 0, alerts };
    },

    view(sessionId) {
      return views.get(sessionId);
    },

    list(): SessionSummary[] {
      return [...views.values()].map((v) => ({
        sessionId: v.sessionId,
        ...(v.customerId ? { customerId: v.customerId } : {}),
        status: v.status,
        openItems: v.checklist.filter((c) => c.status === "open").length,
        alerts: v.alerts.filter((a) => !a.dismissed).length,
        updatedAt: v.updatedAt,
      }));
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return desk;
}
