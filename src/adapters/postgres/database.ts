/**
 * The connection pool every PostgreSQL adapter shares, and the two ways they use it: one query,
 * or several in one transaction. Failures are translated once, here (see databaseErrors).
 */
import pg from "pg";
import { ConfigError } from "../../domain/configError.js";
import type { Logger } from "../../domain/logger.js";
import { storeFailure } from "./databaseErrors.js";
import { describeDatabaseUrl, withoutPassword } from "./databaseUrl.js";

export type Queryable = Pick<pg.PoolClient, "query">;

export interface DatabaseOptions {
  /** Connections per instance; every instance has its own pool (default 10). */
  maxConnections?: number;
  /** How long a query may wait for a connection before it fails (default 5 s). */
  connectTimeoutMs?: number;
}

export class Database {
  /** Where it is, as logs and errors show it (no password). */
  readonly where: string;

  private constructor(
    readonly pool: pg.Pool,
    where: string,
  ) {
    this.where = where;
  }

  /**
   * Opens a pool on `url` and checks it answers. An unreachable server is a ConfigError naming
   * DATABASE_URL's host, port, database and user (never its password).
   */
  static async connect(url: string, logger: Logger, options: DatabaseOptions = {}): Promise<Database> {
    const where = describeDatabaseUrl(url);
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      idleTimeoutMillis: 30_000,
      application_name: "fairexit",
    });
    // An idle connection the server closed (restart, pg_terminate_backend) is dropped by the
    // pool; without this listener its error would end the process.
    pool.on("error", (e) =>
      logger.warn({ database: where, err: withoutPassword(e.message, url) }, "PostgreSQL connection lost"),
    );
    try {
      await pool.query("SELECT 1");
    } catch (e) {
      await pool.end().catch(() => {});
      throw new ConfigError(
        "DATABASE_URL",
        `cannot connect to PostgreSQL at ${where}: ${withoutPassword((e as Error).message, url)}`,
      );
    }
    return new Database(pool, where);
  }

  /** One statement. */
  async query<R extends pg.QueryResultRow>(what: string, sql: string, values: unknown[] = []) {
    try {
      return await this.pool.query<R>(sql, values);
    } catch (e) {
      throw storeFailure(e, what, this.where);
    }
  }

  /** `work` in one transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(what: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (e) {
      throw storeFailure(e, what, this.where);
    }
    let broken: unknown;
    // A connection the server closes while it is checked out, between two statements, emits
    // "error" on the client with no query to fail; without a listener that ends the process. The
    // next statement fails (a 503), and the connection is not handed to the next caller.
    const lost = (e: Error) => {
      broken = e;
    };
    client.on("error", lost);
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (e) {
      await client.query("ROLLBACK").catch((r: unknown) => {
        broken = r;
      });
      throw storeFailure(e, what, this.where);
    } finally {
      client.removeListener("error", lost);
      // A connection whose rollback failed, or that was lost, is not handed to the next caller.
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
