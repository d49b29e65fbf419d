/**
 * In-memory store: for tests and for trying things out. Values are copied on the way in and
 * out, so callers can never change what is stored by mutating an object they hold.
 */
import type { Conversation, ConversationSummary, Turn } from "../../domain/conversation.js";
import type { Coverage, Customer } from "../../domain/customer.js";
import {
  type ConversationChanges,
  type ConversationStore,
  type CustomerStore,
  type Store,
  StoreError,
} from "../../domain/ports.js";
import { MemoryAuditLog } from "./memoryAuditLog.js";

const copy = <T>(v: T): T => structuredClone(v);

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
  private cover: Coverage = [];

  async get(id: string) {
    const c = this.byId.get(id);
    return c && copy(c);
  }
  async findByAccountNumber(accountNumber: string) {
    const id = this.byAccount.get(accountNumber);
    return id === undefined ? undefined : this.get(id);
  }
  async list() {
    return [...this.byId.values()].map(copy);
  }
  async count() {
    return this.byId.size;
  }
  async upsertMany(customers: readonly Customer[]) {
    for (const c of customers) {
      const previous = this.byId.get(c.id);
      if (previous) this.byAccount.delete(previous.accountNumber);
      this.byId.set(c.id, copy(c));
      this.byAccount.set(c.accountNumber, c.id);
    }
  }
  async coverage() {
    return copy(this.cover);
  }
  async setCoverage(coverage: Coverage) {
    this.cover = copy(coverage);
  }
}

export class MemoryConversationStore implements ConversationStore {
  private readonly byId = new Map<string, Conversation>();

  async create(conversation: Conversation) {
    if (this.byId.has(conversation.id))
      throw new StoreError("conflict", `conversation ${conversation.id} exists`);
    this.byId.set(conversation.id, copy(conversation));
  }
  async get(id: string) {
    const c = this.byId.get(id);
    return c && copy(c);
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
    c.turns.push(...turns.map(copy));
    c.state = copy(state);
    c.updatedAt = turns.at(-1)?.at ?? c.updatedAt;
    if (changes.customerId !== undefined) c.customerId = changes.customerId;
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
