/**
 * Agent assist as a test sees it: the real desk over the real policy packs in policies/, the
 * demo customers in a memory store, a memory audit log and a clock that only moves when told.
 * `call()` gives a transcript helper: `agent(...)`/`customer(...)` speak (final by default),
 * `partial(...)` speaks words the recogniser may still change.
 */
import { readCustomerFile } from "../../../src/adapters/files/readCustomerFile.js";
import type { MemoryAuditLog } from "../../../src/adapters/memory/memoryAuditLog.js";
import { openMemoryStore } from "../../../src/adapters/memory/memoryStore.js";
import { loadPolicyFolder } from "../../../src/adapters/policyFolder/policyFolder.js";
import { createAssistDesk } from "../../../src/assist/assistDesk.js";
import type { AgentRef, AssistDesk } from "../../../src/assist/desk.js";
import type { LlmFollowUpOptions } from "../../../src/assist/llmFollowUps.js";
import type { AssistSessionStore } from "../../../src/assist/ports.js";
import type { AssistUtterance } from "../../../src/assist/utterance.js";
import { AssistView } from "../../../src/assist/view.js";
import { AuditTrail } from "../../../src/audit/auditTrail.js";
import { ManualClock } from "../../../src/domain/clock.js";
import type { Llm } from "../../../src/domain/llm.js";
import type { Logger } from "../../../src/domain/logger.js";
import type { CompiledPolicy } from "../../../src/policies/index.js";

const repo = new URL("../../../", import.meta.url).pathname;
let policyCache: CompiledPolicy | undefined;

export async function demoPolicy(): Promise<CompiledPolicy> {
  if (policyCache) return policyCache;
  const loaded = await loadPolicyFolder(`${repo}policies`);
  if (!("policy" in loaded))
    throw new Error(`policies/ does not compile: ${JSON.stringify(loaded.errors[0])}`);
  policyCache = loaded.policy;
  return policyCache;
}

export const AGENT: AgentRef = { id: "agent-7", via: "console" };

export async function anAssistDesk(
  options: {
    now?: string;
    maxSessions?: number;
    /** A store given to the desk, as PostgreSQL is (shared by every instance). */
    sessions?: AssistSessionStore;
    llm?: Llm;
    llmFollowUps?: LlmFollowUpOptions;
    logger?: Logger;
  } = {},
) {
  const clock = new ManualClock(options.now ?? "2026-11-23T10:00:00Z");
  const store = openMemoryStore();
  const demo = await readCustomerFile(`${repo}data/demo/customers.json`);
  await store.customers.upsertMany(demo.customers);
  await store.customers.setCoverage(demo.coverage);
  const policy = await demoPolicy();
  const log = store.audit as MemoryAuditLog;
  const desk = createAssistDesk({
    customers: store.customers,
    policy: () => policy,
    clock,
    audit: new AuditTrail(log, clock),
    ...(options.maxSessions ? { maxSessions: options.maxSessions } : {}),
    ...(options.sessions ? { sessions: options.sessions } : {}),
    ...(options.llm ? { llm: options.llm } : {}),
    ...(options.llmFollowUps ? { llmFollowUps: options.llmFollowUps } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const views: AssistView[] = [];
  desk.subscribe((v) => views.push(v));
  return {
    desk,
    clock,
    store,
    policy,
    log,
    views,
    call: (sessionId: string, customerId?: string) => aCall(desk, clock, sessionId, customerId),
  };
}

/** A call on the desk: each line is one utterance, a second apart. */
function aCall(desk: AssistDesk, clock: ManualClock, sessionId: string, customerId?: string) {
  let n = 0;
  let last: AssistView | undefined;
  const speak = async (
    speaker: AssistUtterance["speaker"],
    text: string,
    final = true,
    utteranceId?: string,
  ) => {
    clock.advance(1000);
    const u: AssistUtterance = {
      sessionId,
      utteranceId: utteranceId ?? `u${++n}`,
      ...(customerId ? { customerId } : {}),
      speaker,
      text,
      at: clock.now().toISOString(),
      final,
      source: "events",
    };
    last = AssistView.parse(await desk.hear(u));
    return last;
  };
  return {
    agent: (text: string) => speak("agent", text),
    customer: (text: string) => speak("customer", text),
    partial: (speaker: AssistUtterance["speaker"], text: string, utteranceId: string) =>
      speak(speaker, text, false, utteranceId),
    final: (speaker: AssistUtterance["speaker"], text: string, utteranceId: string) =>
      speak(speaker, text, true, utteranceId),
    get view(): AssistView {
      if (!last) throw new Error("nothing said yet");
      return last;
    },
  };
}

/** The checklist as `topic: status` lines, for readable assertions. */
export const checklistOf = (view: AssistView) =>
  Object.fromEntries(view.checklist.map((c) => [c.obligationId, c.status]));

/** The first view of `sessionId` the desk publishes from now on that passes `test`. */
export function nextView(
  desk: AssistDesk,
  sessionId: string,
  test: (view: AssistView) => boolean,
): Promise<AssistView> {
  return new Promise((resolve) => {
    const stop = desk.subscribe((view) => {
      if (view.sessionId !== sessionId || !test(view)) return;
      stop();
      resolve(view);
    });
  });
}

/** A logger that keeps what it is told, to check what is logged (and that no words are). */
export function aRecordingLogger(): Logger & { entries: { level: string; obj: object; msg?: string }[] } {
  const entries: { level: string; obj: object; msg?: string }[] = [];
  const at =
    (level: string) =>
    (obj: object, msg?: string): void => {
      entries.push({ level, obj, ...(msg === undefined ? {} : { msg }) });
    };
  const logger = {
    entries,
    fatal: at("fatal"),
    error: at("error"),
    warn: at("warn"),
    info: at("info"),
    debug: at("debug"),
    child: () => logger,
  };
  return logger;
}
