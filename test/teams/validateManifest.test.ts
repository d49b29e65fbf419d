/**
 * Checking a manifest against the Teams schema: each problem is one line that names the
 * field, and a manifest version with no bundled schema is refused rather than downloaded.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { type ManifestJson, renderManifest } from "../../src/adapters/teams/renderManifest.js";
import { MANIFEST_DIR, TEMPLATE_FILE } from "../../src/adapters/teams/teamsPackage.js";
import { bundledSchemaVersions, validateManifest } from "../../src/adapters/teams/validateManifest.js";
import { aTeamsEnv } from "./teamsEnv.js";

const good = (): ManifestJson & { bots: Record<string, unknown>[]; developer: Record<string, unknown> } =>
  renderManifest(readFileSync(join(MANIFEST_DIR, TEMPLATE_FILE), "utf8"), aTeamsEnv(), {
    packageVersion: "0.1.0",
  }) as never;

describe("validateManifest", () => {
  it("names the bot id that is not a GUID", async () => {
    const manifest = good();
    manifest.bots[0]!.botId = "fairexit-bot";
    expect(await validateManifest(manifest)).toEqual([
      'bots[0].botId: must match pattern "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"',
    ]);
  });

  it("names the object missing a required field", async () => {
    const manifest = good();
    delete manifest.developer.privacyUrl;
    delete manifest.accentColor;
    expect(await validateManifest(manifest)).toEqual([
      "manifest: must have required property 'accentColor'",
      "developer: must have required property 'privacyUrl'",
    ]);
  });

  it("names an unknown field and a value outside the allowed ones", async () => {
    const manifest = { ...good(), supportsFiles: false };
    manifest.bots[0]!.scopes = ["personal", "meeting"];
    expect(await validateManifest(manifest)).toEqual([
      'manifest: must NOT have additional properties: "supportsFiles"',
      'bots[0].scopes[1]: must be equal to one of the allowed values: "team", "personal", "groupChat", "copilot"',
    ]);
  });

  it("refuses a manifest version whose schema is not bundled, instead of downloading it", async () => {
    const fetch = vi.fn(() => Promise.reject(new Error("this test is offline")));
    vi.stubGlobal("fetch", fetch);
    const versions = bundledSchemaVersions();
    expect(versions).not.toContain("1.18"); // Microsoft never published 1.18
    expect(await validateManifest({ ...good(), manifestVersion: "1.18" })).toEqual([
      `manifestVersion: expected a version with a bundled schema (${versions[0]} … ${versions.at(-1)}), got "1.18"`,
    ]);
    expect(fetch).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it("catches a $schema URL of another version", async () => {
    expect(await validateManifest({ ...good(), manifestVersion: "1.24" })).toEqual([
      "$schema: expected https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json for manifestVersion 1.24",
    ]);
  });
});
