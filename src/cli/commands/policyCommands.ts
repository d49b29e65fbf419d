/**
 * `fairexit policy <check|test|explain|diff>`: the supervisors' workflow. Edit a pack, check
 * it, run its cases, see what it decides for one customer, and see whose decisions a change
 * would move (and by how much) before it goes live.
 */
import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { promisify } from "node:util";
import type { Command } from "commander";
import { readCaseLibrary } from "../../adapters/policyFolder/caseLibrary.js";
import { displayPath, loadPolicyFolder } from "../../adapters/policyFolder/policyFolder.js";
import { openConfiguredStore } from "../../app.js";
import { type Config, loadConfig } from "../../config.js";
import { type ConversationFacts, LEAVING_REASONS, type LeavingReason } from "../../domain/decision.js";
import { silentLogger } from "../../domain/logger.js";
import {
  type CaseResult,
  type CompiledPolicy,
  compile,
  decide,
  explainDecision,
  formatPolicyError,
  lint,
  type PolicyError,
  type PolicySourceFile,
  policyImpact,
  runCaseFile,
} from "../../policies/index.js";
import { CliError } from "../cliError.js";

const run = promisify(execFile);
const out = (s: string) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);

/** Compiles the folder or throws a CliError listing every problem. */
async function policyFrom(dir: string): Promise<{ policy: CompiledPolicy; cases: PolicySourceFile[] }> {
  const loaded = await loadPolicyFolder(dir);
  if ("errors" in loaded)
    throw new CliError(
      `${loaded.errors.length} problem(s) in ${displayPath(dir)}`,
      1,
      loaded.errors.map(formatPolicyError),
    );
  return { policy: loaded.policy, cases: loaded.sources.cases };
}

function nowFrom(at: string | undefined, config: Config): Date {
  const now = at ? new Date(at) : (config.clockStart ?? new Date());
  if (Number.isNaN(now.getTime()))
    throw new CliError(`--at: expected an ISO date-time, got ${JSON.stringify(at)}`, 2);
  return now;
}

interface ConversationOptions {
  reason?: string;
  newPostcode?: string;
  newCountry?: string;
  services?: string;
  keepNumber?: boolean;
  offersMade?: string;
  offersDeclined?: string;
  channel?: string;
  person?: boolean;
}

function conversationFrom(o: ConversationOptions): ConversationFacts {
  if (o.reason !== undefined && !LEAVING_REASONS.includes(o.reason as LeavingReason))
    throw new CliError(`--reason: expected one of ${LEAVING_REASONS.join(", ")}`, 2);
  const count = (v: string | undefined, name: string) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new CliError(`${name}: expected a whole number`, 2);
    return n;
  };
  const made = count(o.offersMade, "--offers-made");
  const declined = count(o.offersDeclined, "--offers-declined");
  return {
    ...(o.reason ? { reason: o.reason as LeavingReason } : {}),
    ...(o.newPostcode ? { newPostcode: o.newPostcode } : {}),
    ...(o.newCountry ? { newCountry: o.newCountry } : {}),
    ...(o.services ? { serviceIds: o.services.split(",").map((s) => s.trim()) } : {}),
    ...(o.keepNumber !== undefined ? { keepNumber: o.keepNumber } : {}),
    ...(made !== undefined ? { offersMade: made } : {}),
    ...(declined !== undefined ? { offersDeclined: declined } : {}),
    ...(o.channel ? { channel: o.channel } : {}),
    ...(o.person ? { requestedPerson: true } : {}),
  };
}

function addConversationOptions(cmd: Command): Command {
  return cmd
    .option("--reason <reason>", `why the customer is leaving (${LEAVING_REASONS.join(", ")})`)
    .option("--new-postcode <postcode>", "where they are moving to")
    .option("--new-country <code>", "the country they are moving to (ISO, e.g. SE)")
    .option("--services <ids>", "comma-separated service ids being ended (default: all active)")
    .option("--keep-number", "mobile: keep the number (PAC)")
    .option("--no-keep-number", "mobile: leave without the number (STAC)")
    .option("--offers-made <n>", "retention offers already made in the conversation")
    .option("--offers-declined <n>", "retention offers already declined")
    .option("--channel <medium>", "the medium of the conversation (web, chat, call …)")
    .option("--person", "the customer asked for a person")
    .option("--at <iso>", "decide as of this instant (default: FAIREXIT_CLOCK_START or now)");
}

function printProblems(problems: PolicyError[]): void {
  for (const p of problems) out(formatPolicyError(p));
}

/** Reads a policy folder as it was at git `ref`: every `*.yaml` directly in the folder. */
async function filesAtRef(
  ref: string,
  dir: string,
): Promise<{ packs: PolicySourceFile[]; tone?: PolicySourceFile }> {
  const top = (await run("git", ["rev-parse", "--show-toplevel"], { cwd: dir })).stdout.trim();
  const rel = relative(top, resolve(dir)).split("\\").join("/");
  const listed = await run("git", ["ls-tree", "--name-only", ref, `${rel}/`], { cwd: top }).catch(
    (e: Error) => {
      throw new CliError(
        `${ref} is neither a folder nor a git revision with ${rel}/: ${e.message.split("\n")[0]}`,
        2,
      );
    },
  );
  const show = async (path: string) =>
    (await run("git", ["show", `${ref}:${path}`], { cwd: top, maxBuffer: 16 << 20 })).stdout;
  const names = listed.stdout.split("\n").filter((p) => /\.ya?ml$/.test(p) && !/\.cases\.ya?ml$/.test(p));
  const packs = await Promise.all(names.map(async (p) => ({ path: `${ref}:${p}`, text: await show(p) })));
  const tonePath = `${rel}/tone/default-tone.yaml`;
  const tone = await show(tonePath).then(
    (text) => ({ path: `${ref}:${tonePath}`, text }),
    () => undefined,
  );
  return tone ? { packs, tone } : { packs };
}

async function oldPolicy(source: string, fallbackDir: string): Promise<CompiledPolicy> {
  const isDir = await stat(source).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isDir) return (await policyFrom(source)).policy;
  const files = await filesAtRef(source, fallbackDir);
  const compiled = compile(files.packs, files.tone ? { defaultTone: files.tone } : {});
  if (Array.isArray(compiled))
    throw new CliError(`the policy at ${source} does not compile`, 1, compiled.map(formatPolicyError));
  return compiled;
}

function resultLine(r: CaseResult): string {
  return `  ${r.passed ? "✓" : "✗"} ${r.name}  (${r.file}:${r.line})`;
}

export function registerPolicyCommands(program: Command): void {
  const policy = program.command("policy").description("check, test, explain and compare the policy packs");

  policy
    .command("check")
    .description("validate and lint the policy folder (errors fail; warnings fail with --strict)")
    .option("--dir <dir>", "the policy folder (default: FAIREXIT_POLICY_DIR)")
    .option("--strict", "fail on warnings too")
    .action(async (o: { dir?: string; strict?: boolean }) => {
      const dir = o.dir ?? loadConfig().policyDir;
      const { policy: compiled } = await policyFrom(dir);
      const problems = lint(compiled);
      printProblems(problems);
      const errors = problems.filter((p) => p.severity === "error").length;
      const warnings = problems.length - errors;
      out(
        `${displayPath(dir)}: ${compiled.packs.length} packs (${compiled.packs.map((p) => p.name).join(", ")}), revision ${compiled.revision}; ${errors} error(s), ${warnings} warning(s)`,
      );
      if (errors > 0 || (o.strict && warnings > 0)) throw new CliError("policy check failed", 1);
    });

  policy
    .command("test")
    .description("run every *.cases.yaml in the policy folder")
    .option("--dir <dir>", "the policy folder (default: FAIREXIT_POLICY_DIR)")
    .option("--grep <text>", "only cases whose name contains this text")
    .action(async (o: { dir?: string; grep?: string }) => {
      const config = loadConfig();
      const dir = o.dir ?? config.policyDir;
      const { policy: compiled, cases } = await policyFrom(dir);
      if (cases.length === 0) throw new CliError(`no *.cases.yaml files in ${dir}`, 1);
      const library = await readCaseLibrary(config.demoData);
      let passed = 0;
      let failed = 0;
      for (const file of cases) {
        const result = runCaseFile(compiled, file, library);
        out(file.path);
        printProblems(result.errors);
        failed += result.errors.length;
        for (const r of result.results) {
          if (o.grep && !r.name.includes(o.grep)) continue;
          out(resultLine(r));
          for (const f of r.failures) out(`      ${f}`);
          if (r.passed) passed++;
          else failed++;
        }
      }
      out(`\n${passed} passed, ${failed} failed (${cases.length} case files, policy ${compiled.revision})`);
      if (failed > 0) throw new CliError(`${failed} case(s) failed`, 1);
    });

  addConversationOptions(
    policy
      .command("explain")
      .description("what the policy decides for one stored customer, in plain words")
      .requiredOption("--customer <id>", "the customer id")
      .option("--dir <dir>", "the policy folder (default: FAIREXIT_POLICY_DIR)")
      .option("--trace", "list the rules that applied")
      .option("--all", "with --trace: also the rules that did not apply")
      .option("--json", "print the Decision as JSON"),
  ).action(
    async (
      o: ConversationOptions & {
        customer: string;
        dir?: string;
        trace?: boolean;
        all?: boolean;
        json?: boolean;
        at?: string;
      },
    ) => {
      const config = loadConfig();
      const { policy: compiled } = await policyFrom(o.dir ?? config.policyDir);
      const store = await openConfiguredStore(config, silentLogger);
      try {
        const customer = await store.customers.get(o.customer);
        if (!customer) throw new CliError(`no customer ${o.customer} in the ${store.kind} store`, 1);
        const coverage = await store.customers.coverage();
        const decision = decide(
          compiled,
          { customer, coverage, conversation: conversationFrom(o) },
          nowFrom(o.at, config),
        );
        out(
          o.json
            ? JSON.stringify(decision, null, 2)
            : explainDecision(decision, { trace: o.trace ?? false, all: o.all ?? false }),
        );
      } finally {
        await store.close();
      }
    },
  );

  addConversationOptions(
    policy
      .command("diff")
      .description("whose decisions change between two policies, and the fee change per currency")
      .argument("<old>", "the old policy: a folder, or a git revision (e.g. HEAD, main~3)")
      .argument("[new]", "the new policy folder (default: FAIREXIT_POLICY_DIR)")
      .option("--json", "print the report as JSON"),
  ).action(
    async (
      oldSource: string,
      newDir: string | undefined,
      o: ConversationOptions & { json?: boolean; at?: string },
    ) => {
      const config = loadConfig();
      const dir = newDir ?? config.policyDir;
      const after = (await policyFrom(dir)).policy;
      const before = await oldPolicy(oldSource, dir);
      const store = await openConfiguredStore(config, silentLogger);
      try {
        const customers = await store.customers.list();
        const coverage = await store.customers.coverage();
        const report = policyImpact(
          before,
          after,
          customers,
          coverage,
          nowFrom(o.at, config),
          conversationFrom(o),
        );
        if (o.json) {
          out(JSON.stringify({ before: before.revision, after: after.revision, ...report }, null, 2));
          return;
        }
        out(
          `${before.revision} -> ${after.revision}: ${report.changed.length} of ${report.customers} customers' decisions change`,
        );
        for (const c of report.changed) {
          out(`  ${c.customerId}`);
          for (const line of c.changes) out(`    ${line}`);
        }
        const delta = report.feeDelta
          .map((d) => `${d.amount > 0 ? "+" : ""}${d.amount} ${d.currency}`)
          .join(", ");
        out(`Fee change: ${delta || "none"}`);
      } finally {
        await store.close();
      }
    },
  );
}
