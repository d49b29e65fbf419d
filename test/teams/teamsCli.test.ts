/**
 * `fairexit teams package` and `fairexit teams manifest` as an operator runs them: the zip
 * lands where --out says, variables come from the environment or --vars, and a missing
 * one is a one-line error naming it.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runFairexit } from "../support/runFairexit.js";
import { aTeamsEnv, BOT_ID } from "./teamsEnv.js";

/** Blank values unset whatever the test runner's own environment holds. */
const UNSET = Object.fromEntries(Object.keys(aTeamsEnv()).map((k) => [k, ""]));
const env = (overrides: Record<string, string | undefined> = {}) => ({ ...UNSET, ...aTeamsEnv(overrides) });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-teams-cli-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fairexit teams package", () => {
  it("writes the zip to --out and prints it with the bot id", async () => {
    const out = join(dir, "nested", "fairexit-teams.zip");
    const r = await runFairexit(["teams", "package", "--out", out], env());
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${out} (manifest.json, color.png, outline.png)`);
    expect(r.stdout).toContain(`bot id   ${BOT_ID}`);
    expect(r.stdout).toContain("messaging endpoint: https://fairexit.example.com/api/messages");
    expect(r.stdout).toContain(
      "note: TEAMS_PRIVACY_URL is unset, the manifest links https://fairexit.example.com/privacy",
    );
    const zip = await JSZip.loadAsync(await readFile(out));
    expect(JSON.parse(await zip.file("manifest.json")!.async("string")).bots[0].botId).toBe(BOT_ID);
  });

  it("reads variables from --vars", async () => {
    const envFile = join(dir, "teams.env");
    const lines = Object.entries(aTeamsEnv({ TEAMS_APP_NAME: "Leave Example" })).map(([k, v]) => `${k}=${v}`);
    await writeFile(envFile, `# Teams\n${lines.join("\n")}\n`);
    const out = join(dir, "fairexit-teams.zip");
    const r = await runFairexit(["teams", "package", "--out", out, "--vars", envFile], UNSET);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("app      Leave Example 0.1.0");
  });

  it("fails in one line naming a missing variable, and writes nothing", async () => {
    const out = join(dir, "fairexit-teams.zip");
    const r = await runFairexit(["teams", "package", "--out", out], env({ MicrosoftAppId: "" }));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      "fairexit: MicrosoftAppId: required: the Azure Bot's Microsoft App ID (a GUID)",
    );
    await expect(readFile(out)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("names a --vars file it cannot read, in one line", async () => {
    const missing = join(dir, "missing.env");
    const r = await runFairexit(["teams", "package", "--vars", missing], UNSET);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`fairexit: --vars ${missing}: ENOENT\n`);
  });
});

describe("fairexit teams manifest", () => {
  it("prints the rendered manifest", async () => {
    const r = await runFairexit(["teams", "manifest"], env());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      id: BOT_ID,
      bots: [{ botId: BOT_ID, scopes: ["personal"] }],
    });
  });
});
