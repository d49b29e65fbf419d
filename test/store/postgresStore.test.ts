/**
 * The store contract (the same suite as memory and lowdb) on PostgreSQL, in a database of this
 * run's own. Skipped, saying why, when no PostgreSQL answers; failed under FAIREXIT_PG_TESTS=required.
 */
import type { Store } from "../../src/domain/ports.js";
import { auditContract, storeContract } from "../contracts/storeContract.js";
import { aTestDatabaseForThisFile, describePostgres, openTestStore } from "../support/postgres.js";

const database = aTestDatabaseForThisFile();

const openFresh = async () => {
  const db = await database();
  await db.empty().catch(() => {}); // the first test creates the tables
  let current: Store = await openTestStore(db.url);
  return {
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = await openTestStore(db.url);
      return current;
    },
    async cleanup() {
      await current.close();
    },
  };
};

describePostgres("PostgreSQL", () => {
  storeContract("postgres", openFresh);
  auditContract("postgres", openFresh);
});
