/**
 * The embedded store: no server, files under one data folder, for one process.
 *
 *     <dir>/customers.json                      customers and coverage (schemaVersion'd)
 *     <dir>/conversations/<shard>/<id>.json     one file per conversation
 *     <dir>/audit.jsonl                         the audit trail, append-only (+ .anchor.json)
 *     <dir>/.lock                               the process that has the folder open
 *     <dir>/secret                              the generated secret, without FAIREXIT_SECRET (0600)
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { CustomerFile } from "../../domain/customerFile.js";
import type { Store } from "../../domain/ports.js";
import { JsonlAuditLog } from "../files/jsonlAuditLog.js";
import { lockDataFolder } from "./dataFolderLock.js";
import { LowdbConversationStore } from "./lowdbConversationStore.js";
import { LowdbCustomerStore } from "./lowdbCustomerStore.js";

export interface LowdbStoreOptions {
  /** Content for `customers.json` when the folder is new (the demo data, in `npm start`). */
  seed?: () => Promise<CustomerFile>;
  conversationCacheSize?: number;
  /** Keys the audit chain; unset = the data folder's generated secret (see JsonlAuditLog). */
  auditKey?: string;
}

export interface OpenedLowdbStore extends Store {
  /** Migration steps applied to `customers.json` on open. */
  readonly migrated: string[];
  /** True when `customers.json` was created from the seed on this open. */
  readonly seeded: boolean;
}

export async function openLowdbStore(
  dir: string,
  options: LowdbStoreOptions = {},
): Promise<OpenedLowdbStore> {
  await mkdir(dir, { recursive: true });
  const lock = lockDataFolder(dir);
  try {
    let seeded = false;
    const seed = options.seed;
    const customersFile = join(dir, "customers.json");
    const { store: customers, migrated } = await LowdbCustomerStore.open(
      customersFile,
      seed &&
        (() => {
          seeded = true;
          return seed();
        }),
    );
    const conversations = await LowdbConversationStore.open(join(dir, "conversations"), {
      cacheSize: options.conversationCacheSize,
    });
    const audit = await JsonlAuditLog.open(join(dir, "audit.jsonl"), { key: options.auditKey });
    return {
      kind: "lowdb",
      customers,
      conversations,
      audit,
      migrated,
      seeded,
      async close() {
        await conversations.flush();
        lock.release();
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}
