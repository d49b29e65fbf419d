/**
 * Customers and coverage in one lowdb file (`customers.json`, FairExit's own customer file
 * format). Validated and migrated on open; a malformed file is reported by path and field
 * and never overwritten. Writes are atomic (lowdb/steno write a temp file and rename it), so
 * a failed write leaves the previous content in place.
 */
import { copyFile } from "node:fs/promises";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import type { Coverage, Customer } from "../../domain/customer.js";
import { CURRENT_SCHEMA_VERSION, CustomerFile } from "../../domain/customerFile.js";
import { deepFreeze, frozenCopy } from "../../domain/deepFreeze.js";
import { migrateCustomerFile } from "../../domain/migrations.js";
import { type CustomerStore, StoreError } from "../../domain/ports.js";
import { parseWith } from "../../domain/validation.js";

const copy = frozenCopy;

export interface OpenedCustomerFile {
  store: LowdbCustomerStore;
  /** Migration steps applied on open (the original is kept as `<file>.v<N>.bak`). */
  migrated: string[];
}

export class LowdbCustomerStore implements CustomerStore {
  private byId = new Map<string, Customer>();
  private byAccount = new Map<string, string>();

  private constructor(private readonly db: Low<CustomerFile>) {
    deepFreeze(db.data.customers);
    deepFreeze(db.data.coverage);
    this.index();
  }

  /** Opens `file`, creating it from `seed()` when it does not exist. */
  static async open(file: string, seed?: () => Promise<CustomerFile>): Promise<OpenedCustomerFile> {
    const adapter = new JSONFile<unknown>(file);
    let raw: unknown;
    try {
      raw = await adapter.read();
    } catch (e) {
      throw new StoreError("invalid_data", `${file}: (root): not valid JSON: ${(e as Error).message}`);
    }
    const empty: CustomerFile = { schemaVersion: CURRENT_SCHEMA_VERSION, customers: [], coverage: [] };
    const db = new Low<CustomerFile>(new JSONFile<CustomerFile>(file), empty);
    if (raw === null) {
      db.data = seed ? await seed() : empty;
      await db.write();
      return { store: new LowdbCustomerStore(db), migrated: [] };
    }
    const migration = migrateCustomerFile(raw, file);
    try {
      db.data = parseWith(CustomerFile, migration.data, file);
    } catch (e) {
      throw new StoreError("invalid_data", (e as Error).message);
    }
    if (migration.applied.length > 0) {
      await copyFile(file, `${file}.v${migration.fromVersion}.bak`);
      await db.write();
    }
    return { store: new LowdbCustomerStore(db), migrated: migration.applied };
  }

  private index() {
    this.byId = new Map(this.db.data.customers.map((c) => [c.id, c]));
    this.byAccount = new Map(this.db.data.customers.map((c) => [c.accountNumber, c.id]));
  }

  async get(id: string) {
    return this.byId.get(id);
  }
  async findByAccountNumber(accountNumber: string) {
    const id = this.byAccount.get(accountNumber);
    return id === undefined ? undefined : this.get(id);
  }
  async list() {
    return [...this.db.data.customers];
  }
  async count() {
    return this.db.data.customers.length;
  }

  private async replace(next: CustomerFile) {
    const before = this.db.data;
    this.db.data = next;
    try {
      await this.db.write();
    } catch (e) {
      this.db.data = before;
      throw e;
    }
    this.index();
  }

  async upsertMany(customers: readonly Customer[]) {
    if (customers.length === 0) return;
    const incoming = new Map(customers.map((c) => [c.id, copy(c)]));
    const kept = this.db.data.customers.map((c) => incoming.get(c.id) ?? c);
    const known = new Set(this.db.data.customers.map((c) => c.id));
    const added = [...incoming.values()].filter((c) => !known.has(c.id));
    await this.replace({ ...this.db.data, customers: [...kept, ...added] });
  }
  async coverage() {
    return this.db.data.coverage;
  }
  async setCoverage(coverage: Coverage) {
    await this.replace({ ...this.db.data, coverage: copy(coverage) });
  }
}
