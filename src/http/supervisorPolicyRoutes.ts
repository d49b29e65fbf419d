/**
 * The supervisor dashboard's policy panel, behind the console login (401 JSON without it):
 *   GET /api/supervisor/policy         the policy in force (revision, packs, rules and their
 *                                      citations, `policy check`'s findings) and `policy test`'s
 *                                      result for its case files, run in this process
 *   GET /api/supervisor/policy/draft   the draft folder (FAIREXIT_POLICY_DRAFT_DIR) checked,
 *                                      tested and compared with the policy in force over every
 *                                      stored customer (`policy diff`); 404 when none is set
 * The folders read are the configured ones only: no route takes a path (or any parameter).
 * The page only shows; editing stays in files and version control.
 */
import { basename, relative } from "node:path";
import type { Request, Response, Server } from "restify";
import type { App } from "../app.js";
import { draftView, policyTests, policyView } from "../insights/policyPanel.js";
import { type AssistAccessDeps, consoleSessionOf, refuse } from "./assistAccess.js";

/** A configured folder as the page names it: relative to the working folder when inside it. */
function folderName(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === "" || rel.startsWith("..") ? basename(dir) : rel;
}

export function registerSupervisorPolicyRoutes(server: Server, app: App, access: AssistAccessDeps): void {
  const allowed = (req: Request, res: Response) => {
    if (!consoleSessionOf(req, access)) {
      refuse(
        res,
        401,
        "NotSignedIn",
        "sign in to the supervisor dashboard: open a login link (fairexit agent-link --next /supervisor)",
      );
      return false;
    }
    res.header("cache-control", "no-store");
    if (Object.keys(req.query ?? {}).length > 0) {
      refuse(
        res,
        400,
        "BadQuery",
        "the policy panel takes no parameters: the folders it reads are FAIREXIT_POLICY_DIR and FAIREXIT_POLICY_DRAFT_DIR",
      );
      return false;
    }
    return true;
  };
  const inForce = (res: Response) => {
    const policy = app.policies.current();
    if (!policy) refuse(res, 503, "NoPolicy", `no valid policy in ${folderName(app.config.policyDir)}`);
    return policy;
  };

  server.get("/api/supervisor/policy", async (req: Request, res: Response) => {
    if (!allowed(req, res)) return;
    const policy = inForce(res);
    if (!policy) return;
    const [sources, library] = await Promise.all([
      app.policyFiles.read(app.config.policyDir),
      app.policyFiles.caseLibrary(),
    ]);
    const status = app.policies.status();
    res.send(200, {
      folder: folderName(app.config.policyDir),
      loadedAt: status.loadedAt,
      ...(status.rejected ? { rejectedEdit: status.rejected } : {}),
      ...(status.lastChange ? { lastChange: status.lastChange } : {}),
      policy: policyView(policy),
      tests: policyTests(policy, sources.cases, library),
      draft: app.config.policyDraftDir
        ? { configured: true, folder: folderName(app.config.policyDraftDir) }
        : { configured: false },
    });
  });

  server.get("/api/supervisor/policy/draft", async (req: Request, res: Response) => {
    if (!allowed(req, res)) return;
    const dir = app.config.policyDraftDir;
    if (!dir)
      return refuse(
        res,
        404,
        "NoDraftFolder",
        "no draft folder: set FAIREXIT_POLICY_DRAFT_DIR to an edited copy of the policy folder",
      );
    const policy = inForce(res);
    if (!policy) return;
    const sources = await app.policyFiles.read(dir).catch((e: NodeJS.ErrnoException) => e);
    if (sources instanceof Error)
      return res.send(200, {
        folder: folderName(dir),
        errors: [`cannot read the draft folder ${folderName(dir)}: ${sources.code ?? sources.message}`],
      });
    const [customers, coverage, library] = await Promise.all([
      app.store.customers.list(),
      app.store.customers.coverage(),
      app.policyFiles.caseLibrary(),
    ]);
    res.send(
      200,
      draftView(folderName(dir), sources, policy, { customers, coverage, library, now: app.clock.now() }),
    );
  });
}
