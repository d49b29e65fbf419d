/**
 * The agent console's login from the command line: `fairexit start` prints a one-time link in
 * its banner, and `fairexit agent-link` prints a new one the running server accepts (both are
 * signed with the data folder's secret); each works once.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFairexit, startFairexit } from "../support/runFairexit.js";

const demoFixture = join(import.meta.dirname, "../fixtures/store/customers-v1.json");
let dir: string;
let server: Awaited<ReturnType<typeof startFairexit>>;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-agent-link-"));
  env = {
    PORT: "0",
    HOST: "127.0.0.1",
    FAIREXIT_DATA_DIR: dir,
    FAIREXIT_DEMO_DATA: demoFixture,
    LOG_LEVEL: "silent",
  };
  server = await startFairexit(env);
});
afterAll(async () => {
  server?.child.kill("SIGTERM");
  await server?.exited;
  await rm(dir, { recursive: true, force: true });
});

const signIn = async (link: string) => {
  const res = await fetch(link, { redirect: "manual" });
  return { status: res.status, cookie: res.headers.get("set-cookie")?.split(";")[0] };
};

describe("console login links from the command line", () => {
  it("the start banner prints a link that signs in once", async () => {
    const link = /agent\s+(http:\/\/\S+\/agent\/login\?token=\S+)/.exec(server.output())?.[1];
    expect(link).toBeDefined();
    const first = await signIn(link!);
    expect(first.status).toBe(303);
    expect((await fetch(`${server.baseUrl}/agent`, { headers: { cookie: first.cookie! } })).status).toBe(200);
    expect((await signIn(link!)).status).toBe(401);
  });

  it("fairexit agent-link prints a new link the running server accepts", async () => {
    const r = await runFairexit(["agent-link", "--base-url", server.baseUrl], env);
    expect(r.code).toBe(0);
    const link = r.stdout.trim();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/agent\/login\?token=/);
    expect((await signIn(link)).status).toBe(303);
  });

  it("leads to the supervisor dashboard with --next /supervisor, and to nowhere else", async () => {
    const banner = /supervisor\s+(http:\/\/\S+\/agent\/login\?token=\S+&next=\/supervisor)\s/.exec(
      server.output(),
    );
    expect(banner, server.output()).not.toBeNull();
    const r = await runFairexit(["agent-link", "--base-url", server.baseUrl, "--next", "/supervisor"], env);
    expect(r.code).toBe(0);
    const res = await fetch(r.stdout.trim(), { redirect: "manual" });
    expect(res.headers.get("location")).toBe("/supervisor");
    const elsewhere = await runFairexit(["agent-link", "--next", "https://evil.example/"], env);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toContain("--next: expected /agent or /supervisor");
  }, 90_000);

  it("refuses to print a link the memory store's server could not check", async () => {
    const r = await runFairexit(["agent-link"], { FAIREXIT_STORE: "memory", FAIREXIT_SECRET: "" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("use the link in the start banner");
  });
});
