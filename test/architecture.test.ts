/**
 * The architecture's rules, checked on the source text:
 * - SDKs of outside services and storage (Bot Framework, OpenAI, Teams manifests, lowdb, pino)
 *   are imported only under src/adapters, so replacing one (botbuilder is archived upstream) is
 *   a one-folder change;
 * - every relative import between our own top-level folders of src/ follows the layer table in
 *   docs/layers.json (domain at the bottom, app and cli at the top), the guardrails are reached
 *   through their one entry point, and the lower floors do no I/O;
 * - no file imports itself through other files (no import cycles).
 * A failure names the importing file, the import as written and the rule it breaks.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { cyclesIn, type Import, importsUnder, sourceFiles, specifiersIn } from "./support/importGraph.js";
import { layerOf, layerProblems, readLayerTable } from "./support/layerRules.js";
import { repoRoot } from "./support/runFairexit.js";

const SDKS = [
  /^botbuilder/,
  /^botframework-/,
  /^openai$/,
  /^@microsoft\//,
  /^lowdb/,
  /^pino$/,
  /^@slack\//,
  /^pg$/,
];

/**
 * Imports that break a layer rule today and are being removed under issue 15 (#15), each with
 * the item that removes it, as `<file> imports "<spec>"`. Anything else that breaks a rule
 * fails the test; so does an entry here that no longer occurs (delete it then). Empty: the
 * engine's file reading (policies/loader.ts importing node:fs and adapters/files) moved to
 * src/adapters/policyFolder under #15 item 4. Add none without an issue item that removes it.
 */
const PENDING: { problem: string; why: string }[] = [];

/**
 * Import cycles inside src/policies that #15 item 4 removes (helper P2), as the sorted files of
 * each cycle. Empty: the four cycles the issue found (cel/* with compiledPolicy, decisionState /
 * vars, compiledTone / toneSchema, finding / lexiconSieve) are gone. Add none.
 */
const PENDING_CYCLES: string[][] = [];

const table = readLayerTable(repoRoot);
const imports = importsUnder(repoRoot);
const isPending = (problem: string) => PENDING.some((p) => problem.startsWith(`${p.problem} `));

describe("where SDKs may be imported", () => {
  it("only src/adapters imports an SDK", () => {
    const offenders = imports
      .filter((i) => !i.from.startsWith("src/adapters/") && SDKS.some((sdk) => sdk.test(i.spec)))
      .map((i) => `${i.from} imports ${i.spec}`);
    expect(offenders).toEqual([]);
  });

  it("the rule above can fail: it sees the adapters' own imports", () => {
    const adapter = readFileSync(join(repoRoot, "src/adapters/botframework/botFrameworkEndpoint.ts"), "utf8");
    expect(specifiersIn(adapter)).toContain("botbuilder");
  });
});

describe("layers (docs/layers.json)", () => {
  it("every relative import between our folders follows the table", () => {
    const problems = layerProblems(table, imports).filter((p) => !isPending(p));
    expect(problems, `imports against the layer table:\n${problems.join("\n")}`).toEqual([]);
  });

  it("every pending exception still occurs (delete the ones that do not)", () => {
    const problems = layerProblems(table, imports);
    const stale = PENDING.filter((p) => !problems.some((q) => q.startsWith(`${p.problem} `)));
    expect(stale.map((p) => `${p.problem} (${p.why})`)).toEqual([]);
  });

  it("every top-level folder and file of src/ is in the table, src/assist included", () => {
    const tops = new Set(sourceFiles(join(repoRoot, "src")).map((f) => relative(repoRoot, f)));
    const unlisted = [...tops].filter((f) => !layerOf(table, f));
    expect(unlisted).toEqual([]);
    expect(table.layers.map((l) => l.path)).toContain("src/assist");
  });

  it("every rule names layers that exist and gives a reason", () => {
    const names = new Set(table.layers.map((l) => l.name));
    for (const l of table.layers) {
      expect(l.reason.length, `${l.name} has no reason`).toBeGreaterThan(10);
      for (const m of l.mayImport) expect(names, `${l.name} may import unknown layer ${m}`).toContain(m);
    }
  });

  it("the rules can fail: a wrong import is named with its file, its import and the rule", () => {
    const wrong: Import[] = [
      { from: "src/domain/decision.ts", spec: "../bot/turn.js", to: "src/bot/turn.ts" },
      { from: "src/bot/turn.ts", spec: "../guardrails/ledger.js", to: "src/guardrails/ledger.ts" },
      { from: "src/bot/turn.ts", spec: "node:fs", to: undefined },
      { from: "src/assist/session.ts", spec: "../bot/turn.js", to: "src/bot/turn.ts" },
      { from: "src/newFolder/x.ts", spec: "../domain/decision.js", to: "src/domain/decision.ts" },
    ];
    const problems = layerProblems(table, wrong);
    expect(problems).toEqual([
      expect.stringMatching(
        /^src\/domain\/decision\.ts imports "\.\.\/bot\/turn\.js" \(bot\): domain may import nothing of ours \(rule "domain": /,
      ),
      expect.stringMatching(
        /^src\/bot\/turn\.ts imports "\.\.\/guardrails\/ledger\.js" \(src\/guardrails\/ledger\.ts\): src\/guardrails is reached only through src\/guardrails\/index\.ts/,
      ),
      expect.stringMatching(/^src\/bot\/turn\.ts imports "node:fs": bot does no I\/O/),
      expect.stringMatching(
        /^src\/assist\/session\.ts imports "\.\.\/bot\/turn\.js" \(bot\): assist may import domain, policies, guardrails, audit, execution, understanding \(rule "assist": /,
      ),
      "src/newFolder is not in docs/layers.json: add it with what it may import and why",
    ]);
  });
});

describe("import cycles", () => {
  it("no file imports itself through other files", () => {
    const known = new Set(PENDING_CYCLES.map((files) => files.join(" ")));
    const cycles = cyclesIn(imports)
      .filter((c) => !known.has(c.files.join(" ")))
      .map((c) => c.path.join(" -> "));
    expect(cycles, `import cycles:\n${cycles.join("\n")}`).toEqual([]);
  });

  it("the check can fail: it reports a cycle as the path around it", () => {
    const edge = (from: string, to: string): Import => ({ from, spec: to, to });
    const cycles = cyclesIn([
      edge("src/a.ts", "src/b.ts"),
      edge("src/b.ts", "src/c.ts"),
      edge("src/c.ts", "src/a.ts"),
      edge("src/c.ts", "src/d.ts"),
    ]);
    expect(cycles.map((c) => c.path.join(" -> "))).toEqual(["src/a.ts -> src/b.ts -> src/c.ts -> src/a.ts"]);
  });
});
