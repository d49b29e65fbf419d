/**
 * The embedded operations' journal in PostgreSQL: one row per executed action key. The first
 * instance to record a key wins; an action executed before by any instance is not executed again.
 */
import { z } from "zod";
import type { PlannedAction } from "../../domain/decision.js";
import type { ActionResult, OperationsJournal } from "../../execution/ports.js";
import type { Database } from "./database.js";
import { readDocument } from "./jsonDocument.js";

const Result = z.record(z.string(), z.unknown());

export class PgOperationsJournal implements OperationsJournal {
  constructor(private readonly db: Database) {}

  async get(key: string): Promise<ActionResult | undefined> {
    const { rows } = await this.db.query<{ result: string }>(
      "reading the operations journal",
      "SELECT result FROM operations_journal WHERE key = $1",
      [key],
    );
    return rows[0] ? readDocument<ActionResult>(Result, rows[0].result, `operation ${key}`) : undefined;
  }

  async put(key: string, action: PlannedAction, result: ActionResult): Promise<void> {
    await this.db.query(
      "writing the operations journal",
      "INSERT INTO operations_journal (key, action, result) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING",
      [key, JSON.stringify(action), JSON.stringify(result)],
    );
  }
}
