/**
 * The bot as a test sees it: the real engine, the real policy packs in policies/, the demo
 * customers in a memory store, embedded operations and a clock that only moves when told.
 * `chat()` gives a transcript helper in the spirit of botbuilder's TestAdapter.
 */
import { expect } from "vitest";
import { readCustomerFile } from "../../src/adapters/files/readCustomerFile.js";
import { EmbeddedOperations, MemoryOperationsJournal } from "../../src/adapters/memory/embeddedOperations.js";
import type { MemoryAuditLog } from "../../src/adapters/memory/memoryAuditLog.js";
import { MemoryHandover } from "../../src/adapters/memory/memoryHandover.js";
import { MemoryNotifier } from "../../src/adapters/memory/memoryNotifier.js";
import { MemoryOutboxStore } from "../../src/adapters/memory/memoryOutbox.js";
import { openMemoryStore } from "../../src/adapters/memory/memoryStore.js";
import { loadPolicyFolder } from "../../src/adapters/policyFolder/policyFolder.js";
import { AuditTrail } from "../../src/audit/auditTrail.js";
import type { BotMessage, BotTurn } from "../../src/bot/botReply.js";
import { ConversationEngine } from "../../src/bot/conversationEngine.js";
import { ManualClock } from "../../src/domain/clock.js";
import type { Llm } from "../../src/domain/llm.js";
import { silentLogger } from "../../src/domain/logger.js";
import type { CompiledPolicy } from "../../src/policies/compiledPolicy.js";
import { understand } from "../../src/understanding/understandByRules.js";

const repo = new URL("../../", import.meta.url).pathname;
let policyCache: CompiledPolicy | undefined;

export async function demoPolicy(): Promise<CompiledPolicy> {
  if (policyCache) return policyCache;
  const loaded = await loadPolicyFolder(`${repo}policies`);
  if (!("policy" in loaded))
    throw new Error(`policies/ does not compile: ${JSON.stringify(loaded.errors[0])}`);
  policyCache = loaded.policy;
  return policyCache;
}

export async function aCancellationBot(
  options: { now?: string; llm?: Llm /** Default: the packs in policies/. */; policy?: CompiledPolicy } = {},
) {
  const clock = new ManualClock(options.now ?? "2026-11-23T10:00:00Z");
  const store = openMemoryStore();
  const demo = await readCustomerFile(`${repo}data/demo/customers.json`);
  await store.customers.upsertMany(demo.customers);
  await store.customers.setCoverage(demo.coverage);
  const policy = options.policy ?? (await demoPolicy());
  const outbox = new MemoryOutboxStore();
  const journal = new MemoryOperationsJournal();
  const notifier = new MemoryNotifier(() => clock.now());
  const handover = new MemoryHandover();
  const audit = store.audit as MemoryAuditLog;
  const engine = new ConversationEngine({
    store,
    policy: () => policy,
    clock,
    outbox,
    operations: new EmbeddedOperations(journal, () => clock.now(), "test-secret", store.customers),
    notifier,
    audit: new AuditTrail(audit, clock),
    handover,
    understand,
    llm: options.llm,
    logger: silentLogger,
  });
  let n = 0;
  return {
    engine,
    store,
    clock,
    outbox,
    journal,
    notifier,
    handover,
    audit,
    demo,
    chat: (options: { channel?: string; trustedCustomerId?: string } = {}) =>
      new Chat(engine, `conv-test-${++n}`, options),
  };
}

export class Chat {
  readonly transcript: string[] = [];
  last: BotTurn | undefined;

  constructor(
    readonly engine: ConversationEngine,
    readonly id: string,
    readonly options: { channel?: string; trustedCustomerId?: string },
  ) {}

  private take(turn: BotTurn): BotTurn {
    this.last = turn;
    for (const m of turn.messages) this.transcript.push(`bot: ${m.text}`);
    return turn;
  }

  async open(): Promise<BotTurn> {
    return this.take(await this.engine.start(this.id, this.options));
  }

  /** The customer says `text`; returns the bot's replies. */
  async says(text: string): Promise<BotTurn> {
    this.transcript.push(`customer: ${text}`);
    return this.take(await this.engine.receive(this.id, text, this.options));
  }

  /** Everything the bot said in its last turn, as one text. */
  get reply(): string {
    return (this.last?.messages ?? []).map((m: BotMessage) => m.text).join("\n");
  }

  /** Asserts the bot's last turn said each of `parts` (strings or patterns). */
  expectReply(...parts: (string | RegExp)[]): void {
    for (const p of parts)
      if (typeof p === "string") expect(this.reply, this.transcript.join("\n")).toContain(p);
      else expect(this.reply, this.transcript.join("\n")).toMatch(p);
  }

  expectNoReply(...parts: (string | RegExp)[]): void {
    for (const p of parts)
      if (typeof p === "string") expect(this.reply).not.toContain(p);
      else expect(this.reply).not.toMatch(p);
  }

  get stage() {
    return this.last?.stage;
  }
}
