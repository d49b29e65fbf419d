/**
 * The view as data, and the agent's hands on it (agent console cookie or API key):
 *   GET  /api/assist/sessions                 the live sessions, newest first
 *   GET  /api/assist/sessions/{id}            one session's AssistView (JSON Schema: schema/assist-view.schema.json)
 *   GET  /api/assist/sessions/{id}/events     its views as server-sent events
 *   GET  /api/assist/stream                   every session's views as server-sent events
 *   POST /api/assist/sessions/{id}/tick       {"obligationId"}  a hand tick, recorded as such
 *   POST /api/assist/sessions/{id}/dismiss    {"alertId"}
 *   POST /api/assist/sessions/{id}/customer   {"customerId"} or {"account"} (account number or id): opens the session with that customer
 *   POST /api/assist/sessions/{id}/end
 *   POST /api/assist/check                    {"draft", "sessionId"?}  checks a sentence before it is said
 * Every action goes through the desk, which writes it to the audit log with the agent.
 */
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import { deskCall } from "../channels/assist/deskCall.js";
import type { AgentRef, AssistDesk, AssistView } from "../channels/assist/deskTypes.js";
import { type AssistAccessDeps, callerOf, refuse } from "./assistAccess.js";
import type { ViewStreams } from "./assistStream.js";

export interface AssistSessionDeps extends AssistAccessDeps {
  desk: AssistDesk;
  streams: ViewStreams;
  /** The customer id for an account number or a customer id; undefined when there is none. */
  findCustomer(account: string): Promise<string | undefined>;
}

const Id = z.string().min(1).max(200);
const Tick = z.strictObject({ obligationId: Id });
const Dismiss = z.strictObject({ alertId: Id });
const Customer = z.union(
  [
    z.strictObject({ customerId: z.string().min(1).max(100) }),
    z.strictObject({ account: z.string().trim().min(1).max(100) }),
  ],
  { error: 'expected {"customerId": …} or {"account": <account number>}' },
);
const Check = z.strictObject({
  draft: z.string().min(1, "expected the sentence to check").max(4000),
  sessionId: Id.optional(),
});

export function registerAssistSessionRoutes(server: Server, deps: AssistSessionDeps): void {
  const { desk } = deps;
  const reader = (req: Request, res: Response) => callerOf(req, res, deps, { console: true, changes: false });
  const actor = (req: Request, res: Response) => callerOf(req, res, deps, { console: true, changes: true });

  server.get("/api/assist/sessions", async (req: Request, res: Response) => {
    if (!reader(req, res)) return;
    res.header("cache-control", "no-store");
    const sessions = [...desk.list()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    res.send(200, { sessions });
  });

  server.get("/api/assist/sessions/:id", async (req: Request, res: Response) => {
    if (!reader(req, res)) return;
    const view = desk.view(String(req.params.id));
    if (!view) return refuse(res, 404, "unknown_session", "no such assist session");
    res.header("cache-control", "no-store");
    res.send(200, view);
  });

  server.get("/api/assist/sessions/:id/events", async (req: Request, res: Response) => {
    if (!reader(req, res)) return;
    const sessionId = String(req.params.id);
    if (!desk.view(sessionId)) return refuse(res, 404, "unknown_session", "no such assist session");
    deps.streams.serve(req, res, sessionId);
  });

  server.get("/api/assist/stream", async (req: Request, res: Response) => {
    if (!reader(req, res)) return;
    deps.streams.serve(req, res);
  });

  /** A POST on one session: body checked with `schema`, then `act`; the new view is the answer. */
  const action = <S extends z.ZodType>(
    name: string,
    schema: S,
    act: (sessionId: string, body: z.output<S>, agent: AgentRef) => Promise<AssistView>,
  ) =>
    server.post(`/api/assist/sessions/:id/${name}`, async (req: Request, res: Response) => {
      const caller = actor(req, res);
      if (!caller) return;
      const body = schema.safeParse(req.body ?? {});
      if (!body.success) {
        const issue = body.error.issues[0]!;
        return refuse(res, 400, "BadRequest", `${issue.path.join(".") || "body"}: ${issue.message}`);
      }
      await answer(res, () => act(String(req.params.id), body.data, caller.agent));
    });

  action("tick", Tick, (id, b, agent) => desk.tick(id, b.obligationId, agent));
  action("dismiss", Dismiss, (id, b, agent) => desk.dismiss(id, b.alertId, agent));
  action("end", z.strictObject({}), (id, _b, agent) => desk.end(id, agent));
  action("customer", Customer, async (id, b, agent) => {
    const customerId = "customerId" in b ? b.customerId : ((await deps.findCustomer(b.account)) ?? b.account);
    if (!desk.view(id)) return desk.open({ sessionId: id, customerId, agent, source: agent.via });
    return desk.attachCustomer(id, customerId, agent);
  });

  server.post("/api/assist/check", async (req: Request, res: Response) => {
    const caller = actor(req, res);
    if (!caller) return;
    const body = Check.safeParse(req.body ?? {});
    if (!body.success) {
      const issue = body.error.issues[0]!;
      return refuse(res, 400, "BadRequest", `${issue.path.join(".") || "body"}: ${issue.message}`);
    }
    await answer(res, () =>
      desk.check(body.data.draft, {
        agent: caller.agent,
        ...(body.data.sessionId ? { sessionId: body.data.sessionId } : {}),
      }),
    );
  });
}

async function answer(res: Response, act: () => Promise<unknown>): Promise<void> {
  const result = await deskCall(act);
  if (!result.ok) return refuse(res, result.status, result.code, result.message);
  res.header("cache-control", "no-store");
  res.send(200, result.value);
}
