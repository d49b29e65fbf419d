/**
 * Conversations, one lowdb file each under `conversations/<shard>/<id>.json`. lowdb rewrites
 * a whole file on every write, so keeping each conversation in its own file makes writing
 * a turn cost the same with 100 or 100,000 stored conversations (see `bench/store.ts`).
 * Operations on one conversation run one at a time; a bounded cache keeps recently used
 * conversations open.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import { Conversation, ConversationId, type Turn } from "../../domain/conversation.js";
import { deepFreeze, frozenCopy } from "../../domain/deepFreeze.js";
import { KeyedMutex } from "../../domain/keyedMutex.js";
import { type ConversationChanges, type ConversationStore, StoreError } from "../../domain/ports.js";
import { parseWith } from "../../domain/validation.js";
import { checkSequence, summarise } from "../memory/memoryStore.js";

const copy = frozenCopy;
const shardOf = (id: string) => createHash("sha1").update(id).digest("hex").slice(0, 2);

export class LowdbConversationStore implements ConversationStore {
  private readonly open = new Map<string, Low<Conversation>>();
  private readonly mutex = new KeyedMutex();

  private constructor(
    private readonly dir: string,
    private readonly ids: Set<string>,
    private readonly cacheSize: number,
  ) {}

  static async open(dir: string, options: { cacheSize?: number } = {}): Promise<LowdbConversationStore> {
    await mkdir(dir, { recursive: true });
    const ids = new Set<string>();
    for (const shard of await readdir(dir)) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const f of await readdir(join(dir, shard))) if (f.endsWith(".json")) ids.add(f.slice(0, -5));
    }
    return new LowdbConversationStore(dir, ids, options.cacheSize ?? 1000);
  }

  private fileOf(id: string) {
    return join(this.dir, shardOf(id), `${id}.json`);
  }

  /** Loads (or reuses) the lowdb handle of one conversation; call only inside the mutex. */
  private async handle(id: string): Promise<Low<Conversation> | undefined> {
    const cached = this.open.get(id);
    if (cached) {
      this.open.delete(id); // re-insert: Map order is the LRU order
      this.open.set(id, cached);
      return cached;
    }
    if (!this.ids.has(id)) return undefined;
    const file = this.fileOf(id);
    const db = new Low<Conversation | null>(new JSONFile(file), null);
    try {
      await db.read();
    } catch (e) {
      throw new StoreError("invalid_data", `${file}: (root): not valid JSON: ${(e as Error).message}`);
    }
    if (db.data === null) return undefined;
    try {
      db.data = deepFreeze(parseWith(Conversation, db.data, file));
    } catch (e) {
      throw new StoreError("invalid_data", (e as Error).message);
    }
    return this.remember(id, db as Low<Conversation>);
  }

  private remember(id: string, db: Low<Conversation>) {
    this.open.set(id, db);
    if (this.open.size > this.cacheSize) {
      const oldest = this.open.keys().next().value;
      if (oldest !== undefined) this.open.delete(oldest);
    }
    return db;
  }

  create(conversation: Conversation): Promise<void> {
    const valid = parseWith(Conversation, conversation, `conversation ${conversation.id}`);
    return this.mutex.run(valid.id, async () => {
      if (this.ids.has(valid.id)) throw new StoreError("conflict", `conversation ${valid.id} exists`);
      const file = this.fileOf(valid.id);
      await mkdir(join(this.dir, shardOf(valid.id)), { recursive: true });
      const db = new Low<Conversation>(new JSONFile(file), copy(valid));
      await db.write();
      this.ids.add(valid.id);
      this.remember(valid.id, db);
    });
  }

  get(id: string): Promise<Conversation | undefined> {
    if (!ConversationId.safeParse(id).success) return Promise.resolve(undefined);
    return this.mutex.run(id, async () => {
      const db = await this.handle(id);
      return db?.data;
    });
  }

  appendTurn(
    id: string,
    turn: Turn,
    state: Conversation["state"],
    changes: ConversationChanges = {},
  ): Promise<void> {
    return this.appendTurns(id, [turn], state, changes);
  }

  appendTurns(
    id: string,
    turns: readonly Turn[],
    state: Conversation["state"],
    changes: ConversationChanges = {},
  ): Promise<void> {
    return this.mutex.run(id, async () => {
      const db = await this.handle(id);
      if (!db) throw new StoreError("not_found", `conversation ${id} not found`);
      const c = db.data;
      checkSequence(id, c.turns.length, turns);
      db.data = Object.freeze({
        ...c,
        turns: Object.freeze([...c.turns, ...turns.map(copy)]) as Turn[],
        state: copy(state),
        updatedAt: turns.at(-1)?.at ?? c.updatedAt,
        ...(changes.customerId !== undefined ? { customerId: changes.customerId } : {}),
      });
      try {
        await db.write();
      } catch (e) {
        db.data = c;
        throw e;
      }
    });
  }

  async list(filter: { customerId?: string } = {}) {
    const out = [];
    for (const id of this.ids) {
      const c = await this.get(id);
      if (c && (filter.customerId === undefined || c.customerId === filter.customerId))
        out.push(summarise(c));
    }
    return out;
  }

  async count() {
    return this.ids.size;
  }

  /** Waits for every queued write. */
  flush(): Promise<void> {
    return this.mutex.idle();
  }
}
