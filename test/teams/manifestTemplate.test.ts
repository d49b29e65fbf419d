// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${{NAME}} is the template placeholder syntax, meant literally
/**
 * manifest/manifest.template.json, rendered from the environment: valid against the bundled
 * Teams schema without touching the network, one personal bot whose id is MicrosoftAppId,
 * and commands the bot understands as what they promise.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TEAL } from "../../src/adapters/teams/drawIcons.js";
import { fillTemplate, renderManifest } from "../../src/adapters/teams/renderManifest.js";
import { MANIFEST_DIR, TEMPLATE_FILE } from "../../src/adapters/teams/teamsPackage.js";
import {
  bundledSchemaVersions,
  schemaUrlOf,
  validateManifest,
} from "../../src/adapters/teams/validateManifest.js";
import { understand } from "../../src/understanding/understandByRules.js";
import { aTeamsEnv, BOT_ID } from "./teamsEnv.js";

const template = readFileSync(join(MANIFEST_DIR, TEMPLATE_FILE), "utf8");
const render = (env = aTeamsEnv()) => renderManifest(template, env, { packageVersion: "0.1.0" });

interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles: boolean;
  commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the manifest template", () => {
  it("uses the newest Teams manifest version whose schema @microsoft/app-manifest bundles", () => {
    const manifest = render();
    expect(manifest.manifestVersion).toBe(bundledSchemaVersions().at(-1));
    expect(manifest.$schema).toBe(schemaUrlOf(String(manifest.manifestVersion)));
  });

  it("renders to a manifest the bundled Teams schema accepts, without any network request", async () => {
    const fetch = vi.fn(() => Promise.reject(new Error("this test is offline")));
    vi.stubGlobal("fetch", fetch);
    expect(await validateManifest(render())).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("declares one personal bot with the Azure Bot's app id, no files, the public host as its domain and the icons' teal", () => {
    const manifest = render();
    const bots = manifest.bots as Bot[];
    expect(bots).toHaveLength(1);
    expect(bots[0]).toMatchObject({ botId: BOT_ID, scopes: ["personal"], supportsFiles: false });
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual(["fairexit.example.com"]);
    expect(manifest.developer).toEqual({
      name: "Example Telecom",
      websiteUrl: "https://fairexit.example.com",
      privacyUrl: "https://fairexit.example.com/privacy",
      termsOfUseUrl: "https://fairexit.example.com/terms",
    });
    const hex = (c: number) => c.toString(16).padStart(2, "0");
    expect(String(manifest.accentColor).toLowerCase()).toBe(`#${hex(TEAL.r)}${hex(TEAL.g)}${hex(TEAL.b)}`);
  });

  it("says plainly that it is a bot that helps cancel a contract fairly", () => {
    const { description, name } = render({ ...aTeamsEnv(), TEAMS_APP_NAME: "Leave Example" }) as {
      description: { short: string; full: string };
      name: { short: string; full: string };
    };
    expect(name).toEqual({ short: "Leave Example", full: "Leave Example: cancel a contract fairly" });
    expect(description.short).toMatch(/chatbot that helps you cancel a contract fairly/);
    expect(description.full).toMatch(/^Leave Example is a chatbot that helps you cancel a contract fairly\./);
  });

  it.each([
    ["I want to cancel", "cancel", undefined],
    ["What would cancelling cost me?", "question", "fee"],
    ["Talk to a person", "ask_person", "person"],
  ])("offers the command %j, which the bot understands as %s", (title, intent, topic) => {
    const commands = (render().bots as Bot[])[0]!.commandLists.flatMap((l) => l.commands);
    expect(commands.map((c) => c.title)).toContain(title);
    const understood = understand(title, "anything");
    expect(understood.intents[0]).toBe(intent);
    if (topic) expect(understood.topics).toContain(topic);
  });
});

describe("filling placeholders", () => {
  it("keeps quotes and backslashes in values as they are", () => {
    const filled = fillTemplate('{ "developer": { "name": "${{TEAMS_DEVELOPER_NAME}}" } }', {
      TEAMS_DEVELOPER_NAME: 'Example "Tele\\com"',
    });
    expect(filled).toEqual({ developer: { name: 'Example "Tele\\com"' } });
  });

  it("fails on a placeholder nobody fills, naming it and where it is", () => {
    const broken = template.replace('"${{TEAMS_PRIVACY_URL}}"', '"${{TEAMS_PRIVACY_LINK}}"');
    expect(() => renderManifest(broken, aTeamsEnv(), { packageVersion: "0.1.0" })).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          /^manifest template: 1 placeholder\(s\) cannot be filled \(known: MicrosoftAppId, /,
        ),
        problems: ["developer.privacyUrl: unknown placeholder ${{TEAMS_PRIVACY_LINK}}"],
      }),
    );
  });

  it("fails on an unclosed placeholder and on one in a key", () => {
    expect(() =>
      fillTemplate('{ "bots": [{ "botId": "${{MicrosoftAppId}" }], "${{X}}": 1 }', {
        MicrosoftAppId: BOT_ID,
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'bots[0].botId: unfinished placeholder in "${{MicrosoftAppId}"',
          "${{X}}: placeholders work in values, not in keys",
        ],
      }),
    );
  });

  it("says which file is not JSON", () => {
    expect(() => fillTemplate("{ nope", {}, "manifest/manifest.template.json")).toThrow(
      /^manifest\/manifest\.template\.json: not valid JSON: /,
    );
  });
});
