/**
 * The Direct Line log contract on both implementations: in memory, and in PostgreSQL (shared by
 * every instance; a database of its own for this file).
 */
import { afterAll, describe } from "vitest";
import { MemoryDirectLineLog } from "../../src/adapters/memory/memoryDirectLineLog.js";
import { PgDirectLineLog } from "../../src/adapters/postgres/pgDirectLineLog.js";
import { databaseOf, type PostgresStore } from "../../src/adapters/postgres/pgStore.js";
import { directLineLogContract } from "../contracts/directLineLogContract.js";
import { aTestDatabaseForThisFile, describePostgres, openTestStore } from "../support/postgres.js";

describe("the Direct Line log in memory", () => {
  directLineLogContract(async () => new MemoryDirectLineLog());
});

const database = aTestDatabaseForThisFile();
let store: PostgresStore | undefined;
afterAll(async () => {
  await store?.close();
});

describePostgres("the Direct Line log in PostgreSQL", () => {
  directLineLogContract(async () => {
    const db = await database();
    if (!store) store = await openTestStore(db.url);
    else await db.empty();
    return new PgDirectLineLog(databaseOf(store)!);
  });
});
