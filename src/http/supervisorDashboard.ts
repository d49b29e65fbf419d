/**
 * The supervisor dashboard at /supervisor, registered with one call from server.ts: the page
 * and Chart.js (supervisorPage.ts), the report and drill-down (supervisorRoutes.ts) and the
 * policy panel (supervisorPolicyRoutes.ts) and the customers at risk (supervisorAtRiskRoutes.ts), all behind the agent console's login
 * (agentLogin.ts): the same one-time links, the same session cookie. docs/supervisors.md
 * describes the page.
 */
import type { Server } from "restify";
import type { App } from "../app.js";
import type { AgentLogins } from "./agentLogin.js";
import type { AssistAccessDeps } from "./assistAccess.js";
import { registerSupervisorAtRiskRoutes } from "./supervisorAtRiskRoutes.js";
import { registerSupervisorPage } from "./supervisorPage.js";
import { registerSupervisorPolicyRoutes } from "./supervisorPolicyRoutes.js";
import { registerSupervisorRoutes } from "./supervisorRoutes.js";

export function registerSupervisorDashboard(server: Server, app: App, logins: AgentLogins): void {
  const access: AssistAccessDeps = {
    apiKey: undefined,
    logins,
    publicUrl: app.config.assistHttp.publicUrl,
    trustProxy: app.config.trustProxy,
    now: () => Date.now(),
  };
  registerSupervisorPage(server, access);
  registerSupervisorRoutes(server, app, access);
  registerSupervisorPolicyRoutes(server, app, access);
  registerSupervisorAtRiskRoutes(server, app, access);
}
