/** The execution layer's PostgreSQL adapters for the conversation engine, on the store's pool. */
import type { Logger } from "../../domain/logger.js";
import type { Database } from "./database.js";
import { PgHandover } from "./pgHandover.js";
import { PgNotifier } from "./pgNotifier.js";
import { PgOperationsJournal } from "./pgOperationsJournal.js";
import { PgOutbox, type PgOutboxOptions } from "./pgOutbox.js";

export function pgBotTables(db: Database, now: () => Date, logger: Logger, outbox: PgOutboxOptions = {}) {
  return {
    outbox: new PgOutbox(db, outbox),
    journal: new PgOperationsJournal(db),
    notifier: new PgNotifier(db, now, logger),
    handover: new PgHandover(db, logger),
  };
}
