/**
 * The supervisor dashboard's customers-at-risk panel, behind the console login (401 JSON
 * without it):
 *   GET /api/supervisor/at-risk?minScore=N   current customers scoring at least N (default: the
 *                                            "at risk" threshold), highest first, each point of
 *                                            the score explained (src/insights/atRisk.ts)
 * Customers are named by id and account number only, as care looks them up.
 */
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import type { App } from "../app.js";
import { atRiskCustomers } from "../insights/atRisk.js";
import { AT_RISK_THRESHOLD, BANDS } from "../insights/atRiskWeights.js";
import { type AssistAccessDeps, consoleSessionOf, refuse } from "./assistAccess.js";

const AtRiskQuery = z.strictObject({
  minScore: z.coerce
    .number({ error: "expected a whole number" })
    .int("expected a whole number")
    .min(1, "expected at least 1")
    .max(1000, "expected at most 1000")
    .optional(),
});

export function registerSupervisorAtRiskRoutes(server: Server, app: App, access: AssistAccessDeps): void {
  server.get("/api/supervisor/at-risk", async (req: Request, res: Response) => {
    if (!consoleSessionOf(req, access))
      return refuse(
        res,
        401,
        "NotSignedIn",
        "sign in to the supervisor dashboard: open a login link (fairexit agent-link --next /supervisor)",
      );
    res.header("cache-control", "no-store");
    const query = AtRiskQuery.safeParse(req.query ?? {});
    if (!query.success) {
      const issue = query.error.issues[0]!;
      return refuse(
        res,
        400,
        "BadQuery",
        issue.code === "unrecognized_keys"
          ? `unknown parameter(s): ${issue.keys.join(", ")}`
          : `minScore: ${issue.message}`,
      );
    }
    const now = app.clock.now();
    const minScore = query.data.minScore ?? AT_RISK_THRESHOLD;
    const customers = atRiskCustomers(await app.insights.source.customers(), { now, minScore });
    res.send(200, { asOf: now.toISOString(), minScore, bands: BANDS, customers });
  });
}
