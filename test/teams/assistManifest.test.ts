/**
 * The Teams app package covers agent assist without a second app: agents install the same
 * personal bot (which is what lets the bot send them the session card proactively and update
 * it), the card's Action.Execute buttons need no manifest entry, and the agent commands are
 * typed, not listed, because the command list is shown to every user, customers included.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderManifest } from "../../src/adapters/teams/renderManifest.js";
import { MANIFEST_DIR, TEMPLATE_FILE } from "../../src/adapters/teams/teamsPackage.js";
import { validateManifest } from "../../src/adapters/teams/validateManifest.js";
import { aTeamsEnv, BOT_ID } from "./teamsEnv.js";

const manifest = renderManifest(readFileSync(join(MANIFEST_DIR, TEMPLATE_FILE), "utf8"), aTeamsEnv(), {
  packageVersion: "0.1.0",
}) as { bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[] };

describe("the Teams manifest and agent assist", () => {
  it("installs the bot in personal scope, where the agent's session cards go, and validates offline", async () => {
    expect(manifest.bots[0]).toMatchObject({ botId: BOT_ID, scopes: ["personal"] });
    expect(await validateManifest(manifest as never)).toEqual([]);
  });

  it("does not show customers the agent commands", () => {
    const titles = manifest.bots.flatMap((b) =>
      b.commandLists.flatMap((l) => l.commands.map((c) => c.title)),
    );
    expect(titles.some((t) => /^(customer|check)\b/i.test(t))).toBe(false);
  });
});
