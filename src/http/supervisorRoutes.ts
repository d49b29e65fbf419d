/**
 * The supervisor dashboard's data, behind the console login (the session cookie of
 * agentLogin.ts; 401 JSON without it):
 *   GET /api/supervisor/report?from=YYYY-MM-DD&to=YYYY-MM-DD   the report (app.insights.report)
 *   GET /api/supervisor/report.csv, report.md (same query)     the same report to download, as
 *                                                              `fairexit report --format csv|md` writes it
 *   GET /api/supervisor/conversations?ids=a,b,…                what is behind a figure: one line each
 *   GET /api/supervisor/conversations/:id                      a transcript and its audit record
 * The policy panel's routes are in supervisorPolicyRoutes.ts, the page in supervisorPage.ts.
 * A conversation is shown as stored: the turns said (speaker, time, text) and the audit
 * entries (masked when written); never the engine's state or a turn's machine extras.
 */
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import type { App } from "../app.js";
import type { AuditEntry } from "../domain/auditEntry.js";
import type { Conversation } from "../domain/conversation.js";
import { type Report, ReportRangeError } from "../insights/report.js";
import { reportCsv } from "../insights/reportCsv.js";
import { reportMarkdown } from "../insights/reportMarkdown.js";
import { type AssistAccessDeps, consoleSessionOf, refuse } from "./assistAccess.js";

const Day = z.iso.date({ error: "expected a calendar date, YYYY-MM-DD" });
const ReportQuery = z.strictObject({ from: Day.optional(), to: Day.optional() });

/** A bot conversation id, or an agent-assist session's audit conversation (`assist:<sessionId>`). */
const FigureConversationId = z
  .string()
  .regex(/^(assist:)?[A-Za-z0-9][A-Za-z0-9_.:-]{0,159}$/, "expected a conversation id");
/** Ids a drill-down lists at once: 200 ids of 36 characters keep the URL well under 16 KB. */
export const MAX_IDS = 200;
const IdsQuery = z.strictObject({
  ids: z
    .string()
    .min(1, "expected ids=<id>,<id>,…")
    .transform((s) => [...new Set(s.split(","))])
    .pipe(z.array(FigureConversationId).max(MAX_IDS, `expected at most ${MAX_IDS} ids`)),
});

/** What the dashboard shows of a conversation: the words said and the audit record, nothing else. */
export interface ConversationRecord {
  id: string;
  kind: "bot" | "assist";
  customerId?: string;
  channel?: string;
  startedAt?: string;
  updatedAt?: string;
  turns: { seq: number; at: string; speaker: string; text: string }[];
  audit: Pick<AuditEntry, "seq" | "at" | "kind" | "data" | "hash">[];
}

function recordOf(
  id: string,
  conversation: Conversation | undefined,
  audit: AuditEntry[],
): ConversationRecord {
  return {
    id,
    kind: id.startsWith("assist:") ? "assist" : "bot",
    ...(conversation
      ? {
          ...(conversation.customerId ? { customerId: conversation.customerId } : {}),
          channel: conversation.channel,
          startedAt: conversation.startedAt,
          updatedAt: conversation.updatedAt,
        }
      : {}),
    turns: (conversation?.turns ?? []).map((t) => ({
      seq: t.seq,
      at: t.at,
      speaker: t.speaker,
      text: t.text,
    })),
    audit: audit.map((e) => ({ seq: e.seq, at: e.at, kind: e.kind, data: e.data, hash: e.hash })),
  };
}

/** The first problem of a query, naming the parameter. */
const problemOf = (error: z.ZodError) => {
  const issue = error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.join(".") : "query";
  return issue.code === "unrecognized_keys"
    ? `unknown parameter(s): ${issue.keys.join(", ")}`
    : `${where}: ${issue.message}`;
};

/** Registers the report and drill-down routes; `access` is the console login's. */
export function registerSupervisorRoutes(server: Server, app: App, access: AssistAccessDeps): void {
  const signedIn = (req: Request, res: Response) => {
    if (consoleSessionOf(req, access)) {
      res.header("cache-control", "no-store");
      return true;
    }
    refuse(
      res,
      401,
      "NotSignedIn",
      "sign in to the supervisor dashboard: open a login link (the start banner, or fairexit agent-link --next /supervisor)",
    );
    return false;
  };

  /** The report for the request's range, or undefined after answering 400. */
  const reportFor = async (req: Request, res: Response): Promise<Report | undefined> => {
    const query = ReportQuery.safeParse(req.query ?? {});
    if (!query.success) {
      refuse(res, 400, "BadQuery", problemOf(query.error));
      return undefined;
    }
    try {
      return await app.insights.report(query.data);
    } catch (e) {
      if (!(e instanceof ReportRangeError)) throw e;
      refuse(res, 400, "BadRange", e.message);
      return undefined;
    }
  };

  server.get("/api/supervisor/report", async (req: Request, res: Response) => {
    if (!signedIn(req, res)) return;
    const report = await reportFor(req, res);
    if (report) res.send(200, report);
  });

  for (const [extension, type, write] of [
    ["csv", "text/csv; charset=utf-8", reportCsv],
    ["md", "text/markdown; charset=utf-8", reportMarkdown],
  ] as const)
    server.get(`/api/supervisor/report.${extension}`, async (req: Request, res: Response) => {
      if (!signedIn(req, res)) return;
      const report = await reportFor(req, res);
      if (!report) return;
      const body = write(report);
      res.writeHead(200, {
        "content-type": type,
        "content-disposition": `attachment; filename="fairexit-report-${report.range.from}-to-${report.range.to}.${extension}"`,
        "content-length": String(Buffer.byteLength(body)),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      res.end(body);
    });

  server.get("/api/supervisor/conversations", async (req: Request, res: Response) => {
    if (!signedIn(req, res)) return;
    const query = IdsQuery.safeParse(req.query ?? {});
    if (!query.success) return refuse(res, 400, "BadQuery", problemOf(query.error));
    const wanted = new Set(query.data.ids);
    const stored = new Map(
      (await app.store.conversations.list()).filter((c) => wanted.has(c.id)).map((c) => [c.id, c]),
    );
    res.send(200, {
      conversations: query.data.ids.map((id) => {
        const c = stored.get(id);
        return c
          ? {
              id,
              kind: "bot",
              customerId: c.customerId,
              channel: c.channel,
              startedAt: c.startedAt,
              turnCount: c.turnCount,
            }
          : { id, kind: id.startsWith("assist:") ? "assist" : "bot" };
      }),
    });
  });

  server.get("/api/supervisor/conversations/:id", async (req: Request, res: Response) => {
    if (!signedIn(req, res)) return;
    const id = FigureConversationId.safeParse(req.params?.id);
    if (!id.success) return refuse(res, 400, "BadConversationId", problemOf(id.error));
    const [conversation, audit] = await Promise.all([
      id.data.startsWith("assist:") ? undefined : app.store.conversations.get(id.data),
      app.store.audit.read({ conversationId: id.data }),
    ]);
    if (!conversation && audit.length === 0)
      return refuse(res, 404, "NoSuchConversation", `no conversation ${id.data} and no audit entries for it`);
    res.send(200, recordOf(id.data, conversation, audit));
  });
}
