/**
 * The supervisor dashboard over HTTP, on the real server with data made by real conversations
 * with the bot: refused without the console login (a page that says how to get a link, 401
 * JSON for the API), the login link leads back to /supervisor and nowhere else, the report's
 * numbers are buildReport's and the ones the stories produced, and a figure drills down to
 * the right conversation with its transcript and audit record and nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_COOKIE } from "../../src/http/agentLogin.js";
import { agentLoginLink, agentLoginsFor } from "../../src/http/assistRoutes.js";
import { atRiskCustomers } from "../../src/insights/atRisk.js";
import { insightsSourceOf } from "../../src/insights/ports.js";
import { buildReport, type Report } from "../../src/insights/report.js";
import { reportCsv } from "../../src/insights/reportCsv.js";
import { API_KEY, type AssistServer, anAssistServer, type Json } from "../assist/http/assistServer.js";
import {
  agentCall,
  type StoryOutcome,
  SUPERVISOR_STORIES,
  talkThroughAll,
} from "../support/supervisorStories.js";

let server: AssistServer;
let cookie: string;
let outcomes: StoryOutcome[];
let assistConversation: string;

/** Redeems a fresh login link (as a browser would) and returns the session cookie. */
async function signIn(next?: "/supervisor"): Promise<{ cookie: string; location: string | null }> {
  const res = await fetch(server.loginLink().concat(next ? `&next=${next}` : ""), { redirect: "manual" });
  expect(res.status).toBe(303);
  const set = res.headers.get("set-cookie") ?? "";
  const value = new RegExp(`${CONSOLE_COOKIE}=([^;]+)`).exec(set)?.[1];
  expect(value, set).toBeDefined();
  return { cookie: `${CONSOLE_COOKIE}=${value}`, location: res.headers.get("location") };
}

async function get(path: string, headers: Record<string, string> = { cookie }) {
  const res = await fetch(`${server.url}${path}`, { headers });
  const text = await res.text();
  const json = res.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as Json) : undefined;
  return { status: res.status, headers: res.headers, text, json };
}

beforeAll(async () => {
  server = await anAssistServer();
  outcomes = await talkThroughAll(server.url);
  assistConversation = await agentCall(server.url, API_KEY);
  cookie = (await signIn("/supervisor")).cookie;
}, 120_000);
afterAll(async () => server?.close());

describe("without a login", () => {
  it("the page answers 401 with how to get a login link", async () => {
    const page = await get("/supervisor", { accept: "text/html" });
    expect(page.status).toBe(401);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.text).toContain("You are not signed in to the supervisor dashboard");
    expect(page.text).toContain("fairexit agent-link --next /supervisor");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("every API route answers 401 JSON", async () => {
    for (const path of [
      "/api/supervisor/report",
      "/api/supervisor/report.csv",
      "/api/supervisor/report.md",
      "/api/supervisor/conversations?ids=abcdef",
      `/api/supervisor/conversations/${outcomes[0]!.conversationId}`,
      "/api/supervisor/policy",
      "/api/supervisor/policy/draft",
      "/api/supervisor/at-risk",
    ]) {
      const res = await get(path, {});
      expect(res.status, path).toBe(401);
      expect(res.json?.error?.code, path).toBe("NotSignedIn");
    }
  });

  it("a forged or expired cookie is no session", async () => {
    const res = await get("/api/supervisor/report", { cookie: `${CONSOLE_COOKIE}=as1.e30.AAAA` });
    expect(res.status).toBe(401);
  });

  it("the agent console's page explains the same way", async () => {
    const page = await get("/agent", { accept: "text/html" });
    expect(page.status).toBe(401);
    expect(page.text).toContain("You are not signed in to the agent console");
    expect(page.text).toContain("fairexit agent-link");
  });

  it("serves the page's script, style and Chart.js from the npm package without data", async () => {
    const chart = await get("/supervisor/chart.umd.min.js", {});
    expect(chart.status).toBe(200);
    expect(chart.headers.get("content-type")).toMatch(/javascript/);
    expect(chart.text).toMatch(/Chart\.js v4\.6\.2/);
    for (const asset of ["supervisor.js", "supervisor-report.js", "supervisor-panels.js", "supervisor.css"])
      expect((await get(`/supervisor/${asset}`, {})).status, asset).toBe(200);
  });
});

describe("the login link", () => {
  it("leads to /supervisor when asked, and only to our own pages", async () => {
    expect((await signIn("/supervisor")).location).toBe("/supervisor");
    expect((await signIn()).location).toBe("/agent");
    for (const next of [
      "https://evil.example/",
      "//evil.example",
      "/supervisor/../../evil",
      "/\\evil.example",
    ]) {
      const res = await fetch(`${server.loginLink()}&next=${encodeURIComponent(next)}`, {
        redirect: "manual",
      });
      expect(res.status, next).toBe(303);
      expect(res.headers.get("location"), next).toBe("/agent");
    }
  });

  it("is minted for /supervisor as fairexit agent-link --next /supervisor does", async () => {
    // the same secret as the server's (test/assist/http/assistServer.ts), as the CLI reads it
    const logins = agentLoginsFor("test-secret-for-the-assist-http-tests");
    const link = agentLoginLink(logins, server.url, Date.now(), "/supervisor");
    expect(link).toMatch(/\/agent\/login\?token=[\w.-]+&next=\/supervisor$/);
    const res = await fetch(link, { redirect: "manual" });
    expect(res.headers.get("location")).toBe("/supervisor");
    expect(agentLoginLink(logins, server.url, Date.now())).not.toContain("next=");
  });

  it("opens the dashboard with the session it sets", async () => {
    const page = await get("/supervisor", { cookie, accept: "text/html" });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<script src="/supervisor/chart.umd.min.js" defer></script>');
    expect(page.text).not.toMatch(/<script>(?!<)/);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
  });
});

describe("customers at risk", () => {
  it("are atRiskCustomers' list, and minScore is checked", async () => {
    const res = await get("/api/supervisor/at-risk?minScore=6");
    expect(res.status).toBe(200);
    const expected = atRiskCustomers(await server.app.store.customers.list(), {
      now: res.json.asOf,
      minScore: 6,
    });
    expect(res.json.customers).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect((await get("/api/supervisor/at-risk?minScore=-1")).status).toBe(400);
    expect((await get("/api/supervisor/at-risk?top=3")).json.error.message).toContain("top");
  });
});

describe("the report", () => {
  let report: Report;
  beforeAll(async () => {
    const res = await get("/api/supervisor/report?from=2026-11-01&to=2026-11-30");
    expect(res.status, res.text).toBe(200);
    report = res.json;
  });

  it("has buildReport's numbers for the same range", async () => {
    const direct = await buildReport(insightsSourceOf(server.app.store), {
      from: "2026-11-01",
      to: "2026-11-30",
      now: server.app.clock.now(),
      policy: server.app.policies.current()!,
    });
    expect({ ...report, generatedAt: "" }).toEqual({ ...direct, generatedAt: "" });
  });

  it("downloads as fairexit report --format csv writes it, named by its range", async () => {
    const res = await get("/api/supervisor/report.csv?from=2026-11-01&to=2026-11-30");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="fairexit-report-2026-11-01-to-2026-11-30.csv"',
    );
    expect(res.text).toBe(reportCsv(report));
    const md = await get("/api/supervisor/report.md?from=2026-11-01&to=2026-11-30");
    expect(md.status).toBe(200);
    expect(md.text).toContain("2026-11-01");
    expect((await get("/api/supervisor/report.csv?from=yesterday")).status).toBe(400);
  });

  it("counts what the stories did: three cancelled, one stayed with an offer, one handed over", () => {
    expect(outcomes.map((o) => o.stage)).toEqual(["closed", "closed", "closed", "closed", "handover"]);
    expect(report.cancellations.started.count).toBe(SUPERVISOR_STORIES.length);
    expect(report.cancellations.confirmed.count).toBe(3);
    expect(report.cancellations.stayed.count).toBe(1);
    expect(report.retention.accepted.count).toBe(1);
    expect(report.retention.overAllowance.count).toBe(0);
    expect(report.handovers.total.count).toBe(1);
    expect(report.handovers.byReason.map((r) => r.label)).toEqual(["bereavement-care"]);
    expect(report.policyKept.disclosures.share).toBe(1);
  });

  it("defaults to the last 30 days to the server's today, and names a bad range", async () => {
    expect((await get("/api/supervisor/report")).json.range).toEqual({
      from: "2026-10-24",
      to: "2026-11-23",
    });
    const bad = await get("/api/supervisor/report?from=2026-13-01");
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^from: /);
    const unknown = await get("/api/supervisor/report?since=2026-11-01");
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.message).toContain("since");
  });

  it("drills down from the hand-over figure to that conversation, its transcript and audit record", async () => {
    const [id] = report.handovers.byReason[0]!.conversationIds;
    const list = await get(`/api/supervisor/conversations?ids=${id}`);
    expect(list.json.conversations).toEqual([
      expect.objectContaining({
        id,
        kind: "bot",
        customerId: expect.any(String),
        turnCount: expect.any(Number),
      }),
    ]);
    const res = await get(`/api/supervisor/conversations/${id}`);
    expect(res.status).toBe(200);
    const record = res.json;
    const bereaved = outcomes.find((o) => o.account === "UK209934")!;
    expect(record.turns.filter((t: Json) => t.speaker === "customer").map((t: Json) => t.text)).toEqual(
      bereaved.transcript.filter((l) => l.startsWith("customer: ")).map((l) => l.slice("customer: ".length)),
    );
    expect(record.audit.map((a: Json) => a.kind)).toContain("handover");
    expect(Object.keys(record).sort()).toEqual(
      ["audit", "channel", "customerId", "id", "kind", "startedAt", "turns", "updatedAt"].sort(),
    );
    for (const t of record.turns) expect(Object.keys(t).sort()).toEqual(["at", "seq", "speaker", "text"]);
  });

  it("drills down from an agent's tone alert to the assist session's audit record, with no words kept", async () => {
    const tone = report.policyKept.agentToneAlerts;
    expect(tone.total.conversationIds).toEqual([assistConversation]);
    // alerts raised on heard words name no agent in the audit trail (src/assist/assistDesk.ts)
    expect(tone.byAgent.map((a) => [a.label, a.conversationIds])).toEqual([
      ["unknown", [assistConversation]],
    ]);
    const list = await get(`/api/supervisor/conversations?ids=${encodeURIComponent(assistConversation)}`);
    expect(list.json.conversations).toEqual([{ id: assistConversation, kind: "assist" }]);
    const res = await get(`/api/supervisor/conversations/${encodeURIComponent(assistConversation)}`);
    expect(res.status).toBe(200);
    expect(res.json.kind).toBe("assist");
    expect(res.json.turns).toEqual([]);
    expect(res.json.audit.map((a: Json) => a.kind)).toContain("assist_alert");
    expect(JSON.stringify(res.json)).not.toContain("stupid");
  });

  it("adds no personal data beyond what the transcript already shows", async () => {
    for (const id of report.cancellations.started.conversationIds) {
      const record = (await get(`/api/supervisor/conversations/${id}`)).json;
      const customer = (await server.app.store.customers.get(record.customerId))!;
      const said = record.turns.map((t: Json) => t.text).join("\n");
      const body = JSON.stringify(record);
      for (const pii of [customer.email, customer.phone, customer.name.family, customer.address?.line1])
        if (pii && !said.includes(pii)) expect(body, `${id}: ${pii}`).not.toContain(pii);
    }
  });

  it("names a conversation it does not have, and refuses a malformed id", async () => {
    expect((await get("/api/supervisor/conversations/bf-does-not-exist")).status).toBe(404);
    const assist = await get("/api/supervisor/conversations/assist%3Anot-a-session");
    expect(assist.status).toBe(404);
    expect(assist.json.error.message).toContain("assist:not-a-session");
    expect((await get("/api/supervisor/conversations/..%2F..%2Fetc")).status).toBe(400);
    const tooMany = await get(
      `/api/supervisor/conversations?ids=${Array.from({ length: 201 }, (_, i) => `bf-conv-${i}`).join(",")}`,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.message).toContain("at most 200 ids");
    const unknown = await get("/api/supervisor/conversations?ids=bf-conv-000001");
    expect(unknown.json.conversations).toEqual([{ id: "bf-conv-000001", kind: "bot" }]);
  });
});
