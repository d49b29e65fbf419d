/**
 * `/readyz` for PostgreSQL: one `SELECT 1` through the pool, bounded in time, so a database that
 * is down or restarting takes the instance out of rotation until it answers again.
 */
import type { ReadinessCheck } from "../../domain/readiness.js";
import type { Database } from "./database.js";

export function databaseReadiness(db: Database, timeoutMs = 2000): ReadinessCheck {
  return {
    name: "database",
    async check() {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`PostgreSQL at ${db.where} did not answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        await Promise.race([db.query("checking readiness", "SELECT 1"), late]);
        return { ok: true, detail: `PostgreSQL at ${db.where}` };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
