/**
 * The store for several FairExit instances: PostgreSQL, selected by DATABASE_URL.
 *
 *     customers, store_settings        customers and coverage
 *     conversations, conversation_turns  conversation state; turn_count is the version
 *     audit_entries, audit_anchor      the hash-chained audit trail, one chain for all instances
 *     outbox_items, cancellations, cancelled_services, operations_journal, notifications, handovers
 *                                      the execution layer (see pgBotTables)
 *     assist_sessions                  agent assist sessions (pgAssistSessions), changes on NOTIFY fairexit_assist
 *     schema_migrations                which migrations/NNNN_*.sql were applied
 */
import type { Logger } from "../../domain/logger.js";
import type { Store } from "../../domain/ports.js";
import { StoreError } from "../../domain/ports.js";
import { Database, type DatabaseOptions } from "./database.js";
import { type MigrationReport, migrate, schemaVersion } from "./migrations.js";
import { PgAuditLog } from "./pgAuditLog.js";
import { PgConversationStore } from "./pgConversationStore.js";
import { PgCustomerStore } from "./pgCustomerStore.js";

export interface PostgresStoreOptions extends DatabaseOptions {
  /** Keys the audit chain: every instance must have the same one. */
  auditKey: string;
  logger: Logger;
  /** Apply missing migrations now (under the migration lock); false = refuse an unmigrated database. */
  migrate?: boolean;
}

export interface PostgresStore extends Store {
  readonly kind: "postgres";
  readonly db: Database;
  /** What was migrated on open (empty when nothing was missing, or migrate was off). */
  readonly migrated: MigrationReport;
}

export async function openPostgresStore(url: string, options: PostgresStoreOptions): Promise<PostgresStore> {
  const db = await Database.connect(url, options.logger, options);
  try {
    let migrated: MigrationReport = { applied: [], alreadyApplied: 0 };
    if (options.migrate !== false) migrated = await migrate(db);
    else {
      const v = await schemaVersion(db);
      if (v.database < v.shipped)
        throw new StoreError(
          "unsupported_version",
          `${db.where} is at schema version ${v.database}, this FairExit needs ${v.shipped}: run fairexit db migrate`,
        );
    }
    const audit = await PgAuditLog.open(db, options.auditKey);
    return {
      kind: "postgres",
      db,
      migrated,
      customers: new PgCustomerStore(db),
      conversations: new PgConversationStore(db),
      audit,
      close: () => db.close(),
    };
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
}

/** The database of a PostgreSQL store (its execution tables share the pool); undefined for any other store. */
export function databaseOf(store: Store): Database | undefined {
  return store.kind === "postgres" && "db" in store ? (store as PostgresStore).db : undefined;
}
