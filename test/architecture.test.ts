/**
 * The architecture's one hard rule: SDKs of outside services and storage (Bot Framework,
 * OpenAI, Teams manifests, lowdb, pino) are imported only under src/adapters, so replacing
 * one (botbuilder is archived upstream) is a one-folder change.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/runFairexit.js";

const SDKS = [/^botbuilder/, /^botframework-/, /^openai$/, /^@microsoft\//, /^lowdb/, /^pino$/, /^@slack\//];
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("where SDKs may be imported", () => {
  it("only src/adapters imports an SDK", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(repoRoot, "src"))) {
      const path = relative(repoRoot, file);
      if (path.startsWith("src/adapters/")) continue;
      for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? "";
        if (SDKS.some((sdk) => sdk.test(spec))) offenders.push(`${path} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the rule above can fail: it sees the adapters' own imports", () => {
    const adapter = readFileSync(join(repoRoot, "src/adapters/botframework/botFrameworkEndpoint.ts"), "utf8");
    const specs = [...adapter.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
    expect(specs).toContain("botbuilder");
  });
});
