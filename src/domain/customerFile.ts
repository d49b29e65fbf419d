/**
 * FairExit's own customer data file: the format of the embedded store's `customers.json`, of
 * the demo data and of `fairexit import <file.json>` without a mapping. It carries a
 * `schemaVersion`; older versions are migrated by explicit steps in `migrations.ts`.
 */
import { z } from "zod";
import { Coverage, Customer } from "./customer.js";

export const CURRENT_SCHEMA_VERSION = 2;

export const CustomerFile = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION, {
    error: `expected schemaVersion ${CURRENT_SCHEMA_VERSION}`,
  }),
  customers: z.array(Customer),
  coverage: Coverage.default([]),
});
export type CustomerFile = z.infer<typeof CustomerFile>;
