/** Customers and coverage in PostgreSQL: one row per customer, its document as JSON text. */
import { Coverage, Customer } from "../../domain/customer.js";
import type { CustomerStore } from "../../domain/ports.js";
import type { Database } from "./database.js";
import { readDocument } from "./jsonDocument.js";

/** Checked documents kept per instance, by their exact text: a turn reads its customer several times. */
const CHECKED_LIMIT = 2000;

export class PgCustomerStore implements CustomerStore {
  private readonly checked = new Map<string, Customer>();
  private lastCoverage: { text: string; value: Coverage } | undefined;

  constructor(private readonly db: Database) {}

  /** The stored text as a checked, frozen customer; the same text is checked once. */
  private customer(doc: string, id: string): Customer {
    const known = this.checked.get(doc);
    if (known) return known;
    const customer = readDocument<Customer>(Customer, doc, `customer ${id}`);
    if (this.checked.size >= CHECKED_LIMIT) this.checked.clear();
    this.checked.set(doc, customer);
    return customer;
  }

  async get(id: string) {
    const { rows } = await this.db.query<{ doc: string }>(
      "reading a customer",
      "SELECT doc FROM customers WHERE id = $1",
      [id],
    );
    return rows[0] ? this.customer(rows[0].doc, id) : undefined;
  }

  async findByAccountNumber(accountNumber: string) {
    const { rows } = await this.db.query<{ id: string; doc: string }>(
      "finding a customer",
      "SELECT id, doc FROM customers WHERE account_number = $1 ORDER BY written DESC LIMIT 1",
      [accountNumber],
    );
    return rows[0] ? this.customer(rows[0].doc, rows[0].id) : undefined;
  }

  async list() {
    const { rows } = await this.db.query<{ id: string; doc: string }>(
      "listing customers",
      "SELECT id, doc FROM customers ORDER BY written",
    );
    return rows.map((r) => this.customer(r.doc, r.id));
  }

  async count() {
    const { rows } = await this.db.query<{ n: number }>(
      "counting customers",
      "SELECT count(*)::int AS n FROM customers",
    );
    return rows[0]?.n ?? 0;
  }

  /** All or nothing, in one transaction. */
  async upsertMany(customers: readonly Customer[]) {
    // The last of several with one id wins, as in the other stores (one row may change once per statement).
    const unique = [...new Map(customers.map((c) => [c.id, c])).values()];
    if (unique.length === 0) return;
    await this.db.transaction("storing customers", async (client) => {
      for (let i = 0; i < unique.length; i += 500) {
        const batch = unique.slice(i, i + 500);
        await client.query(
          `INSERT INTO customers (id, account_number, doc)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
           ON CONFLICT (id) DO UPDATE
             SET account_number = EXCLUDED.account_number, doc = EXCLUDED.doc, written = nextval('customers_written_seq')`,
          [batch.map((c) => c.id), batch.map((c) => c.accountNumber), batch.map((c) => JSON.stringify(c))],
        );
      }
    });
  }

  async coverage() {
    const { rows } = await this.db.query<{ value: string }>(
      "reading coverage",
      "SELECT value FROM store_settings WHERE name = 'coverage'",
    );
    const text = rows[0]?.value ?? "[]";
    if (this.lastCoverage?.text !== text)
      this.lastCoverage = { text, value: readDocument<Coverage>(Coverage, text, "coverage") };
    return this.lastCoverage.value;
  }

  async setCoverage(coverage: Coverage) {
    await this.db.query(
      "storing coverage",
      `INSERT INTO store_settings (name, value) VALUES ('coverage', $1)
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`,
      [JSON.stringify(coverage)],
    );
  }
}
