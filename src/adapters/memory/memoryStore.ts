/**
 * In-memory store: for tests and for trying things out. Values are copied and frozen on the
 * way in and handed out as they are, so callers can never change what is stored.
 */
import type { Conversation, ConversationSummary, Turn } from "../../domain/conversation.js";
import type { Coverage, Customer } from "../../domain/customer.js";
import { frozenCopy } from "../../domain/deepFreeze.js";
import {
  type ConversationChanges,
  type ConversationStore,
  type CustomerStore,
  type Store,
  StoreError,
} from "../../domain/ports.js";
import { MemoryAuditLog } from "./memoryAuditLog.js";

export function summarise(c: Conversation): ConversationSummary {
  return {
    id: c.id,
    customerId: c.customerId,
    channel: c.channel,
    startedAt: c.startedAt,
    updatedAt: c.updatedAt,
    turnCount: c.turns.length,
  };
}

/** Rejects turns that are not the next positions of the conversation (another writer got there first). */
export function checkSequence(id: string, next: number, turns: readonly Turn[]): void {
  turns.forEach((t, i) => {
    if (t.seq !== next + i)
      throw new StoreError("conflict", `conversation ${id}: turn seq ${t.seq}, expected ${next + i}`);
  });
}

export class MemoryCustomerStore implements CustomerStore {
  private readonly byId = new Map<string, Customer>();
  private readonly byAccount = new Map<string, string>();
  private cover: Coverage = Object.freeze([]) as unknown as Coverage;

  async get(id: string) {
    return this.byId.get(id);
  }
  async findByAccountNumber(accountNumber: string) {
    const id = this.byAccount.get(accountNumber);
    return id === undefined ? undefined : this.get(id);
  }
  async list() {
    return [...this.byId.values()];
  }
  async count() {
    return this.byId.size;
  }
  async upsertMany(customers: readonly Customer[]) {
    for (const c of customers) {
      const previous = this.byId.get(c.id);
      if (previous) this.byAccount.delete(previous.accountNumber);
      this.byId.set(c.id, frozenCopy(c));
      this.byAccount.set(c.accountNumber, c.id);
    }
  }
  async coverage() {
    return this.cover;
  }
  async setCoverage(coverage: Coverage) {
    this.cover = frozenCopy(coverage);
  }
}

export class MemoryConversationStore implements ConversationStore {
  private readonly byId = new Map<string, Conversation>();

  async create(conversation: Conversation) {
    if (this.byId.has(conversation.id))
      throw new StoreError("conflict", `conversation ${conversation.id} exists`);
    this.byId.set(conversation.id, frozenCopy(conversation));
  }
  async get(id: string) {
    return this.byId.get(id);
  }
  async appendTurn(id: string, turn: Turn, state: Conversation["state"], changes: ConversationChanges = {}) {
    await this.appendTurns(id, [turn], state, changes);
  }
  async appendTurns(
    id: string,
    turns: readonly Turn[],
    state: Conversation["state"],
    changes: ConversationChanges = {},
  ) {
    const c = this.byId.get(id);
    if (!c) throw new StoreError("not_found", `conversation ${id} not found`);
    checkSequence(id, c.turns.length, turns);
    this.byId.set(
      id,
      Object.freeze({
        ...c,
        turns: Object.freeze([...c.turns, ...frozenCopy(turns)]) as Turn[],
        state: frozenCopy(state),
        updatedAt: turns.at(-1)?.at ?? c.updatedAt,
        ...(changes.customerId !== undefined ? { customerId: changes.customerId } : {}),
      }),
    );
  }
  async list(filter: { customerId?: string } = {}) {
    return [...this.byId.values()]
      .filter((c) => filter.customerId === undefined || c.customerId === filter.customerId)
      .map(summarise);
  }
  async count() {
    return this.byId.size;
  }
}

export function openMemoryStore(): Store {
  return {
    kind: "memory",
    customers: new MemoryCustomerStore(),
    conversations: new MemoryConversationStore(),
    audit: new MemoryAuditLog(),
    close: async () => {},
  };
}
