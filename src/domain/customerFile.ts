/**
 * FairExit's own customer data file: the format of the embedded store's `customers.json`, of
 * the demo data and of `fairexit import <file.json>` without a mapping. It carries a
 * `schemaVersion`; older versions are migrated by explicit steps in `migrations.ts`.
 */
import { z } from "zod";
import { Coverage, Customer } from "./customer.js";

export const CURRENT_SCHEMA_VERSION = 2;

export const CustomerFile = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION, {
      error: `expected schemaVersion ${CURRENT_SCHEMA_VERSION}`,
    }),
    customers: z.array(Customer),
    coverage: Coverage.default([]),
  })
  .superRefine((file, ctx) => {
    const ids = new Map<string, number>();
    const accounts = new Map<string, number>();
    file.customers.forEach((c, i) => {
      const sameId = ids.get(c.id);
      if (sameId !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["customers", i, "id"],
          message: `duplicate id ${c.id} (also customers[${sameId}])`,
        });
      const sameAccount = accounts.get(c.accountNumber);
      if (sameAccount !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["customers", i, "accountNumber"],
          message: `duplicate account number (also customers[${sameAccount}])`,
        });
      ids.set(c.id, i);
      accounts.set(c.accountNumber, i);
    });
  });
export type CustomerFile = z.infer<typeof CustomerFile>;
