import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseEnv } from "node:util";
import type { Command } from "commander";
import { buildTeamsPackage, renderTeamsManifest } from "../../adapters/teams/teamsPackage.js";
import { TeamsPackageError } from "../../adapters/teams/teamsPackageError.js";
import type { TeamsSettings } from "../../adapters/teams/teamsSettings.js";
import { validateManifest } from "../../adapters/teams/validateManifest.js";
import { CliError } from "../cliError.js";

/**
 * The process environment over the values of the `--vars` file when given: as with `node --env-file`,
 * a variable set in the environment wins (a blank one counts as unset, as everywhere).
 */
async function environment(envFile: string | undefined): Promise<NodeJS.ProcessEnv> {
  if (envFile === undefined) return process.env;
  let text: string;
  try {
    text = await readFile(envFile, "utf8");
  } catch (e) {
    throw new CliError(`--vars ${envFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const set = Object.entries(process.env).filter(([, v]) => v !== undefined && v.trim() !== "");
  return { ...parseEnv(text), ...Object.fromEntries(set) };
}

const asCliError = (e: unknown): unknown =>
  e instanceof TeamsPackageError ? new CliError(e.message, 1, e.problems) : e;

/** Lines telling which URLs were derived from FAIREXIT_PUBLIC_URL (pages FairExit does not serve). */
const notes = (s: TeamsSettings): string[] =>
  (
    [
      ["TEAMS_PRIVACY_URL", s.privacyUrl],
      ["TEAMS_TERMS_URL", s.termsUrl],
    ] as const
  )
    .filter(([variable]) => s.defaulted.includes(variable))
    .map(
      ([variable, url]) =>
        `note: ${variable} is unset, the manifest links ${url}: publish that page or set it`,
    );

export function registerTeamsCommand(program: Command): void {
  const teams = program.command("teams").description("the Microsoft Teams app package for the bot");

  teams
    .command("package")
    .description("write the Teams app package (manifest.json and icons, checked against the Teams schema)")
    .option("-o, --out <file>", "zip file to write", join("dist", "fairexit-teams.zip"))
    .option("--vars <file>", "read variables from this file too (the environment wins)")
    .action(async (opts: { out: string; vars?: string }) => {
      const env = await environment(opts.vars);
      const pkg = await buildTeamsPackage({ env, outFile: opts.out }).catch((e) => {
        throw asCliError(e);
      });
      const lines = [
        `wrote ${pkg.outFile} (${pkg.files.join(", ")})`,
        `  app      ${pkg.settings.appName} ${pkg.settings.appVersion}, id ${pkg.settings.appId}, manifest ${String(pkg.manifest.manifestVersion)}`,
        `  bot id   ${pkg.settings.botId}`,
        `  domain   ${pkg.settings.publicHost} (messaging endpoint: ${pkg.settings.publicUrl}/api/messages)`,
        ...notes(pkg.settings),
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    });

  teams
    .command("manifest")
    .description("print the rendered manifest.json, then any problems the Teams schema finds in it")
    .option("--vars <file>", "read variables from this file too (the environment wins)")
    .action(async (opts: { vars?: string }) => {
      const env = await environment(opts.vars);
      const { manifest } = await renderTeamsManifest({ env }).catch((e) => {
        throw asCliError(e);
      });
      process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
      const problems = await validateManifest(manifest);
      if (problems.length > 0)
        throw new CliError(`the manifest above has ${problems.length} problem(s) for Teams`, 1, problems);
    });
}
