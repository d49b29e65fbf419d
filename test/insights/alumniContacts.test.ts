/**
 * The alumni contact log contract on memory, on the data folder's JSON Lines file and on
 * PostgreSQL (two stores over one database: two instances), and what only the file needs: a
 * torn last line (a crash mid-append) is set aside, never read as a contact.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALUMNI_CONTACTS_FILE,
  openJsonlAlumniContacts,
} from "../../src/adapters/files/jsonlAlumniContacts.js";
import { MemoryAlumniContacts } from "../../src/adapters/memory/memoryAlumniContacts.js";
import { PgAlumniContacts } from "../../src/adapters/postgres/pgAlumniContacts.js";
import type { PostgresStore } from "../../src/adapters/postgres/pgStore.js";
import { aContact, alumniContactsContract } from "../contracts/alumniContactsContract.js";
import { aTestDatabaseForThisFile, describePostgres, openTestStore } from "../support/postgres.js";

alumniContactsContract("memory", async () => ({ log: new MemoryAlumniContacts(), cleanup: async () => {} }));

alumniContactsContract("data folder (JSON Lines)", async () => {
  const dir = await mkdtemp(join(tmpdir(), "fairexit-alumni-"));
  const file = join(dir, ALUMNI_CONTACTS_FILE);
  return {
    log: await openJsonlAlumniContacts(file),
    reopen: () => openJsonlAlumniContacts(file),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe("the data folder's contact file", () => {
  it("sets a torn last line aside and goes on from the last complete contact", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairexit-alumni-"));
    const file = join(dir, ALUMNI_CONTACTS_FILE);
    try {
      const kept = aContact("cust-t", "2027-03-01T09:00:00.000Z");
      await writeFile(file, `${JSON.stringify(kept)}\n{"id":"ac_torn","customerId":"cust-t","at":"2027-0`);
      const log = await openJsonlAlumniContacts(file);
      expect(await log.list("cust-t")).toEqual([kept]);
      const next = aContact("cust-t", "2027-03-02T09:00:00.000Z");
      expect(await log.record(next, { max: 2, since: "2027-01-01T00:00:00.000Z" })).toEqual({
        recorded: true,
        contactsUsed: 2,
      });
      expect(await (await openJsonlAlumniContacts(file)).list("cust-t")).toEqual([kept, next]);
      expect(await readFile(`${file}.torn`, "utf8")).toContain("ac_torn");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a file with a bad line, naming the line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairexit-alumni-"));
    const file = join(dir, ALUMNI_CONTACTS_FILE);
    try {
      await writeFile(
        file,
        `${JSON.stringify({ ...aContact("cust-t", "2027-03-01T09:00:00.000Z"), channel: "pigeon" })}\n`,
      );
      await expect(openJsonlAlumniContacts(file)).rejects.toThrow(/line 1: channel: /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const database = aTestDatabaseForThisFile();

describePostgres("PostgreSQL alumni contacts", () => {
  const stores: PostgresStore[] = [];
  beforeAll(async () => {
    const url = (await database()).url;
    stores.push(await openTestStore(url), await openTestStore(url));
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
  });

  alumniContactsContract("postgres", async () => {
    await (await database()).empty();
    return {
      log: new PgAlumniContacts(stores[0]!.db),
      second: async () => new PgAlumniContacts(stores[1]!.db),
      reopen: async () => new PgAlumniContacts(stores[1]!.db),
      cleanup: async () => {},
    };
  });
});
