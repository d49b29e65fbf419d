/**
 * Loads the report fixture (test/fixtures/insights/report-fixture.json) into a real store: the
 * customers and conversations checked by their schemas, the audit records appended (and so
 * chained) in the order written.
 */
import { readFile } from "node:fs/promises";
import { AuditEntry } from "../../src/domain/auditEntry.js";
import { Conversation } from "../../src/domain/conversation.js";
import { Customer } from "../../src/domain/customer.js";
import type { Store } from "../../src/domain/ports.js";

export const reportFixtureFile = new URL("../fixtures/insights/report-fixture.json", import.meta.url)
  .pathname;

export async function loadReportFixture(store: Store): Promise<void> {
  const raw = JSON.parse(await readFile(reportFixtureFile, "utf8")) as {
    customers: unknown[];
    conversations: unknown[];
    audit: unknown[];
  };
  await store.customers.upsertMany(raw.customers.map((c) => Customer.parse(c)));
  for (const c of raw.conversations) await store.conversations.create(Conversation.parse(c));
  const record = AuditEntry.pick({ at: true, conversationId: true, kind: true, data: true });
  await store.audit.appendAll(raw.audit.map((r) => record.parse(r)));
}
