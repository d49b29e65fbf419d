/**
 * Builds the Teams app package: a zip with manifest.json and the two icons at its root, the
 * file Teams admins upload. Nothing is written unless the manifest passes the Teams schema
 * (offline) and the icons have the sizes Teams requires. The same inputs give the same bytes.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import JSZip from "jszip";
import { z } from "zod";
import { fillTemplate, type ManifestJson } from "./renderManifest.js";
import { TeamsPackageError } from "./teamsPackageError.js";
import { placeholderValues, readTeamsSettings, type TeamsSettings } from "./teamsSettings.js";
import { validateManifest } from "./validateManifest.js";

const repoRoot = join(import.meta.dirname, "../../..");
/** Where the template and icons live: `manifest/` at the repository root. */
export const MANIFEST_DIR = join(repoRoot, "manifest");
export const TEMPLATE_FILE = "manifest.template.json";

/** Icon sizes Teams requires, by the manifest's `icons` key. */
const ICON_SIZES = { color: 192, outline: 32 } as const;

/** A fixed entry date, so building twice from the same inputs gives the same zip. */
const ENTRY_DATE = new Date("2020-01-01T00:00:00Z");

export interface TeamsPackageRequest {
  env: NodeJS.ProcessEnv;
  /** The zip to write; its folder is created. */
  outFile: string;
  /** Folder with `manifest.template.json` and the icons it names; default `manifest/`. */
  manifestDir?: string;
  /** The app version when TEAMS_APP_VERSION is unset; default package.json's version. */
  packageVersion?: string;
}

export interface TeamsPackage {
  outFile: string;
  /** Zip entries, in order. */
  files: string[];
  manifest: ManifestJson;
  settings: TeamsSettings;
}

/** package.json's version. */
export async function readPackageVersion(): Promise<string> {
  const pkg = z
    .object({ version: z.string() })
    .parse(JSON.parse(await readFile(join(repoRoot, "package.json"), "utf8")));
  return pkg.version;
}

async function readInput(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new TeamsPackageError(`cannot read the ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
}

/** Width and height from a PNG's IHDR; undefined when `png` is not a PNG. */
function pngSize(png: Buffer): { width: number; height: number } | undefined {
  const signature = "89504e470d0a1a0a";
  if (png.length < 24 || png.subarray(0, 8).toString("hex") !== signature) return undefined;
  if (png.subarray(12, 16).toString("ascii") !== "IHDR") return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The icon files the manifest names, read and size-checked. */
async function readIcons(
  manifest: ManifestJson,
  dir: string,
): Promise<{ files: Map<string, Buffer>; problems: string[] }> {
  const icons = (manifest.icons ?? {}) as Record<string, unknown>;
  const files = new Map<string, Buffer>();
  const problems: string[] = [];
  for (const [key, size] of Object.entries(ICON_SIZES)) {
    const name = icons[key];
    if (typeof name !== "string") continue; // the schema check reports it
    if (name.includes("/") || name.includes("\\")) {
      problems.push(`icons.${key}: expected a file name at the package root, got ${JSON.stringify(name)}`);
      continue;
    }
    const png = await readInput(join(dir, name), `${key} icon`);
    const actual = pngSize(png);
    if (!actual) problems.push(`icons.${key}: ${name} is not a PNG`);
    else if (actual.width !== size || actual.height !== size)
      problems.push(
        `icons.${key}: ${name} is ${actual.width}x${actual.height}, Teams requires ${size}x${size}`,
      );
    files.set(name, png);
  }
  return { files, problems };
}

/**
 * Reads `manifest.template.json` from `manifestDir` (default `manifest/`) and renders it from
 * `env`. Unchecked: `buildTeamsPackage` checks before writing, `validateManifest` on demand.
 */
export async function renderTeamsManifest(request: {
  env: NodeJS.ProcessEnv;
  manifestDir?: string;
  packageVersion?: string;
}): Promise<{ manifest: ManifestJson; settings: TeamsSettings; templateFile: string }> {
  const templateFile = join(request.manifestDir ?? MANIFEST_DIR, TEMPLATE_FILE);
  const template = (await readInput(templateFile, "manifest template")).toString("utf8");
  const settings = readTeamsSettings(request.env, {
    packageVersion: request.packageVersion ?? (await readPackageVersion()),
  });
  return {
    manifest: fillTemplate(template, placeholderValues(settings), templateFile),
    settings,
    templateFile,
  };
}

/**
 * Renders the manifest from `env`, checks it and the icons, and writes the package zip.
 * Throws `ConfigError` (a bad variable, named) or `TeamsPackageError` (listing every problem).
 *
 * @example
 * import { buildTeamsPackage } from "./teamsPackage.js";
 * const pkg = await buildTeamsPackage({ env: process.env, outFile: "dist/fairexit-teams.zip" });
 * // pkg.files: ["manifest.json", "color.png", "outline.png"], pkg.settings.botId: process.env.MicrosoftAppId
 */
export async function buildTeamsPackage(request: TeamsPackageRequest): Promise<TeamsPackage> {
  const dir = request.manifestDir ?? MANIFEST_DIR;
  const { manifest, settings, templateFile } = await renderTeamsManifest({ ...request, manifestDir: dir });
  const icons = await readIcons(manifest, dir);
  const problems = [...(await validateManifest(manifest)), ...icons.problems];
  if (problems.length > 0)
    throw new TeamsPackageError(
      `${templateFile}: ${problems.length} problem(s) in the rendered manifest; no package written`,
      problems,
    );

  const zip = new JSZip();
  zip.file("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`, { date: ENTRY_DATE });
  for (const [name, png] of icons.files) zip.file(name, png, { date: ENTRY_DATE });
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  await mkdir(dirname(request.outFile), { recursive: true });
  await writeFile(request.outFile, bytes);
  return { outFile: request.outFile, files: ["manifest.json", ...icons.files.keys()], manifest, settings };
}
