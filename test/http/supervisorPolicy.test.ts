/**
 * The supervisor dashboard's policy panel over HTTP: the policy in force with its revision,
 * packs and the citations of its rules, `policy test` run in process, and a draft folder's
 * tests and impact over every stored customer, for the folder FAIREXIT_POLICY_DRAFT_DIR names
 * and no other: no request can choose a folder.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCustomerFile } from "../../src/adapters/files/readCustomerFile.js";
import { CONSOLE_COOKIE } from "../../src/http/agentLogin.js";
import { compile, isCompiledPolicy, policyImpact, runCaseFile } from "../../src/policies/index.js";
import { type AssistServer, anAssistServer, type Json } from "../assist/http/assistServer.js";
import { repoRoot } from "../support/runFairexit.js";

const POLICIES = join(repoRoot, "policies");
let draftDir: string;
let server: AssistServer;
let cookie: string;

async function signIn(s: AssistServer): Promise<string> {
  const res = await fetch(s.loginLink(), { redirect: "manual" });
  return `${CONSOLE_COOKIE}=${new RegExp(`${CONSOLE_COOKIE}=([^;]+)`).exec(res.headers.get("set-cookie") ?? "")![1]}`;
}

async function get(s: AssistServer, path: string, c = cookie): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${s.url}${path}`, { headers: { cookie: c } });
  return { status: res.status, json: await res.json() };
}

/** The draft: the policy folder with exit fees halved (a real edit a supervisor might try). */
function writeDraft(): void {
  rmSync(draftDir, { recursive: true, force: true });
  cpSync(POLICIES, draftDir, { recursive: true });
  const baseline = join(draftDir, "baseline.yaml");
  const text = readFileSync(baseline, "utf8");
  const edited = text.replace(
    "service.contract.exitFeePercent / 100",
    "service.contract.exitFeePercent / 200",
  );
  expect(edited).not.toBe(text);
  writeFileSync(baseline, edited);
}

beforeAll(async () => {
  draftDir = join(mkdtempSync(join(tmpdir(), "fairexit-draft-")), "policies-draft");
  writeDraft();
  server = await anAssistServer({ FAIREXIT_POLICY_DRAFT_DIR: draftDir });
  cookie = await signIn(server);
}, 60_000);
afterAll(async () => {
  await server?.close();
  rmSync(join(draftDir, ".."), { recursive: true, force: true });
});

describe("the policy in force", () => {
  it("shows its revision, packs and every rule with its citation and where it is written", async () => {
    const { status, json } = await get(server, "/api/supervisor/policy");
    expect(status).toBe(200);
    const inForce = server.app.policies.current()!;
    expect(json.policy.revision).toBe(inForce.revision);
    expect(json.policy.packs.map((p: Json) => p.name)).toEqual(inForce.packs.map((p) => p.name));
    const uk = json.policy.packs.find((p: Json) => p.name === "uk-telecom");
    const yaml = readFileSync(join(POLICIES, "uk-telecom.yaml"), "utf8").split("\n");
    const cited = uk.rules.filter((r: Json) => r.citation);
    expect(cited.length).toBeGreaterThan(3);
    for (const rule of cited) {
      const [, line] = /:(\d+)$/.exec(rule.source)!;
      expect(yaml[Number(line) - 1], rule.id).toContain(rule.id);
    }
    expect(cited.map((r: Json) => r.citation).join("\n")).toContain(
      "Ofcom text-to-switch (since 1 July 2019)",
    );
    expect(json.draft).toEqual({ configured: true, folder: basename(draftDir) });
  });

  it("runs the packs' cases in process, as fairexit policy test does", async () => {
    const { json } = await get(server, "/api/supervisor/policy");
    const inForce = server.app.policies.current()!;
    const demo = await readCustomerFile(join(repoRoot, "data/demo/customers.json"));
    const library = { customers: new Map(demo.customers.map((c) => [c.id, c])), coverage: demo.coverage };
    const caseFiles = readdirSync(POLICIES).filter((f) => f.endsWith(".cases.yaml"));
    const results = caseFiles.flatMap(
      (f) =>
        runCaseFile(inForce, { path: f, text: readFileSync(join(POLICIES, f), "utf8") }, library).results,
    );
    expect(json.tests.caseFiles).toBe(caseFiles.length);
    expect(json.tests.passed).toBe(results.filter((r) => r.passed).length);
    expect(json.tests.failed).toBe(0);
    expect(json.tests.cases).toHaveLength(results.length);
  });
});

describe("a draft folder", () => {
  it("is tested and compared with the policy in force over every stored customer", async () => {
    const { status, json } = await get(server, "/api/supervisor/policy/draft");
    expect(status).toBe(200);
    const inForce = server.app.policies.current()!;
    expect(json.impact.before).toBe(inForce.revision);
    expect(json.impact.after).not.toBe(inForce.revision);
    expect(json.policy.revision).toBe(json.impact.after);
    // the halved exit fee breaks the cases that expect the full one
    expect(json.tests.failed).toBeGreaterThan(0);
    expect(
      json.tests.cases
        .filter((c: Json) => !c.passed)
        .map((c: Json) => c.name)
        .join("\n"),
    ).not.toBe("");

    const draftFiles = readdirSync(draftDir)
      .filter((f) => f.endsWith(".yaml") && !f.endsWith(".cases.yaml"))
      .map((f) => ({ path: f, text: readFileSync(join(draftDir, f), "utf8") }));
    const draft = compile(draftFiles, {
      defaultTone: { path: "tone", text: readFileSync(join(draftDir, "tone/default-tone.yaml"), "utf8") },
    });
    if (!isCompiledPolicy(draft)) throw new Error("the draft should compile");
    const expected = policyImpact(
      inForce,
      draft,
      await server.app.store.customers.list(),
      await server.app.store.customers.coverage(),
      server.app.clock.now(),
    );
    expect(json.impact.customers).toBe(expected.customers);
    expect(json.impact.changed.map((c: Json) => c.customerId)).toEqual(
      expected.changed.map((c) => c.customerId),
    );
    expect(json.impact.changed.length).toBeGreaterThan(0);
    expect(json.impact.feeDelta.every((d: Json) => d.amount < 0)).toBe(true);
  });

  it("shows what does not compile, read afresh on every request", async () => {
    writeFileSync(
      join(draftDir, "baseline.yaml"),
      "apiVersion: fairexit/v1\nkind: PolicyPack\nmetadata: [\n",
    );
    try {
      const { status, json } = await get(server, "/api/supervisor/policy/draft");
      expect(status).toBe(200);
      expect(json.errors.join("\n")).toContain("baseline.yaml");
      expect(json.impact).toBeUndefined();
    } finally {
      writeDraft();
    }
  });

  it("is only ever the configured folder: a request cannot name one", async () => {
    for (const query of [`?dir=${encodeURIComponent(POLICIES)}`, "?folder=../policies", "?draft=/etc"]) {
      for (const path of ["/api/supervisor/policy/draft", "/api/supervisor/policy"]) {
        const { status, json } = await get(server, `${path}${query}`);
        expect(status, `${path}${query}`).toBe(400);
        expect(json.error.message).toContain("FAIREXIT_POLICY_DRAFT_DIR");
      }
    }
  });

  it("is absent without FAIREXIT_POLICY_DRAFT_DIR", async () => {
    const plain = await anAssistServer();
    try {
      const c = await signIn(plain);
      const draft = await get(plain, "/api/supervisor/policy/draft", c);
      expect(draft.status).toBe(404);
      expect(draft.json.error.code).toBe("NoDraftFolder");
      expect((await get(plain, "/api/supervisor/policy", c)).json.draft).toEqual({ configured: false });
    } finally {
      await plain.close();
    }
  });
});
