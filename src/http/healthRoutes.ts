/**
 * Health and readiness. `/healthz` is public: the process answers. `/readyz` is public too but
 * says only `{ ready }` (200 or 503): the detailed report (customer count, policy folder) is for
 * operators and needs `Authorization: Bearer <FAIREXIT_ADMIN_TOKEN>`; without that variable the
 * details are not served over HTTP at all (`fairexit` on the host still shows them).
 * `/metrics` (Prometheus text) needs the same token, always: without it, it is not served.
 */
import type { Request, Response, Server } from "restify";
import type { MetricsExposition } from "../domain/metrics.js";
import { type ReadinessCheck, runReadiness } from "../domain/readiness.js";
import { bearerOf, sameSecret } from "./bearer.js";

export interface HealthRouteDeps {
  readiness: readonly ReadinessCheck[];
  /** Undefined: the detailed readiness report is not available over HTTP. */
  adminToken: string | undefined;
  /** GET /metrics; undefined: not served. */
  metrics?: MetricsExposition;
}

export function registerHealthRoutes(server: Server, deps: HealthRouteDeps): void {
  server.get("/healthz", async (_req: Request, res: Response) => {
    res.send(200, { status: "ok" });
  });
  server.get("/readyz", async (req: Request, res: Response) => {
    res.header("cache-control", "no-store");
    const report = await runReadiness(deps.readiness);
    const status = report.ready ? 200 : 503;
    const given = bearerOf(req);
    if (given === undefined) {
      const details = deps.adminToken
        ? "send Authorization: Bearer <FAIREXIT_ADMIN_TOKEN> for the detailed report"
        : "the detailed report is not available over HTTP (FAIREXIT_ADMIN_TOKEN is not set)";
      res.send(status, { ready: report.ready, details });
      return; // an async handler that returns a value makes restify log a warning
    }
    if (!sameSecret(given, deps.adminToken)) {
      res.send(401, {
        error: {
          code: "BadAdminToken",
          message: deps.adminToken
            ? "expected Authorization: Bearer <FAIREXIT_ADMIN_TOKEN>"
            : "the detailed report is not available over HTTP (FAIREXIT_ADMIN_TOKEN is not set)",
        },
      });
      return;
    }
    res.send(status, report);
  });
  server.get("/metrics", async (req: Request, res: Response) => {
    res.header("cache-control", "no-store");
    const given = bearerOf(req);
    if (!deps.metrics || given === undefined || !sameSecret(given, deps.adminToken)) {
      res.send(401, {
        error: {
          code: "BadAdminToken",
          message: deps.adminToken
            ? "expected Authorization: Bearer <FAIREXIT_ADMIN_TOKEN>"
            : "metrics are not served over HTTP (FAIREXIT_ADMIN_TOKEN is not set)",
        },
      });
      return;
    }
    const text = await deps.metrics.scrape();
    res.writeHead(200, { "content-type": deps.metrics.contentType });
    res.end(text);
  });
}
