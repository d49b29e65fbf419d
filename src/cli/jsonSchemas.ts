/**
 * JSON Schemas generated from the zod schemas, published under `schema/` so editors can
 * autocomplete and check data files while someone types. `npm run schema` regenerates them;
 * a test fails when the committed copies are out of date.
 */
import { z } from "zod";
import { AssistView } from "../assist/view.js";
import { DemoCall } from "../channels/assist/demoCalls.js";
import { CustomerFile } from "../domain/customerFile.js";
import { PolicyCasesFile } from "../policies/cases/casesSchema.js";
import { PolicyPackFile } from "../policies/schema.js";

export const PUBLISHED_SCHEMAS: Record<string, z.ZodType> = {
  "customer-file.schema.json": CustomerFile,
  "policy-pack.schema.json": PolicyPackFile,
  "policy-cases.schema.json": PolicyCasesFile,
  /** What GET /api/assist/sessions/{id} and the assist event streams serve (docs/assist.md). */
  "assist-view.schema.json": AssistView,
  "assist-demo-call.schema.json": DemoCall,
};

export function jsonSchemaOf(schema: z.ZodType, id: string): object {
  return {
    $id: `https://fairexit.dev/schema/${id}`,
    ...z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }),
  };
}
