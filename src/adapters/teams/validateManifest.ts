/**
 * Checks a Teams manifest against the JSON schema of its `manifestVersion`, offline. The
 * schemas come bundled in @microsoft/app-manifest (`build/json-schemas/teams/v1.x/`); we read
 * the file and hand it to `AppManifestUtils.validateAgainstSchema(manifest, schema)`, which
 * with a schema given never fetches. (Without one it looks the `$schema` URL up among the
 * bundled files and falls back to downloading it; `ManifestUtil.validateManifest` always
 * downloads. We use neither path.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { AppManifestUtils } from "@microsoft/app-manifest";

type Manifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const schemasDir = join(
  dirname(createRequire(import.meta.url).resolve("@microsoft/app-manifest")),
  "json-schemas",
  "teams",
);

/** The Teams manifest versions whose schema is bundled, oldest first ("1.0" … "1.30"). */
export function bundledSchemaVersions(): string[] {
  const numeric = (v: string) => v.split(".").map(Number) as [number, number];
  return readdirSync(schemasDir)
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .sort((a, b) => numeric(a)[0] - numeric(b)[0] || numeric(a)[1] - numeric(b)[1]);
}

/** The `$schema` URL a manifest of `version` declares. */
export const schemaUrlOf = (version: string) =>
  `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;

const schemas = new Map<string, Schema>();
function bundledSchema(version: string): Schema {
  let schema = schemas.get(version);
  if (!schema) {
    const raw = readFileSync(join(schemasDir, `v${version}`, "MicrosoftTeams.schema.json"), "utf8");
    // The same clean-up the library applies: the published schemas carry regex escapes
    // (\a, \v) that JSON or ajv's unicode regexes reject.
    schema = JSON.parse(raw.replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b")) as Schema;
    schemas.set(version, schema);
  }
  return schema;
}

/** "/bots/0/botId" -> "bots[0].botId"; "" -> "manifest". */
const fieldOf = (pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((p, k) => (/^\d+$/.test(k) ? `${p}[${k}]` : p ? `${p}.${k}` : k), "") || "manifest";

/** The library's "<pointer> <message>. Details: <params>" as "<field>: <message>". */
function readable(error: string): string {
  const m = /^(\S*) (.*?)\. Details: (.*)$/s.exec(error);
  if (!m) return error;
  const [, pointer, message, details] = m;
  let extra = "";
  try {
    const params = JSON.parse(details!) as { additionalProperty?: string; allowedValues?: unknown[] };
    if (params.additionalProperty) extra = `: ${JSON.stringify(params.additionalProperty)}`;
    if (params.allowedValues) extra = `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  } catch {
    // no parameters worth adding
  }
  return `${fieldOf(pointer!)}: ${message}${extra}`;
}

/**
 * The problems with `manifest`, one line each naming the field; empty when it is valid.
 * Never touches the network.
 *
 * @example
 * import { validateManifest } from "./validateManifest.js";
 * await validateManifest({ manifestVersion: "1.30", bots: [{ botId: "not-a-guid" }] });
 * // ["manifest: must have required property 'version'", …, 'bots[0].botId: must match pattern "^[0-9a-fA-F]{8}-…"']
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest))
    return ["manifest: expected a JSON object"];
  const { manifestVersion, $schema } = manifest as { manifestVersion?: unknown; $schema?: unknown };
  const versions = bundledSchemaVersions();
  if (typeof manifestVersion !== "string" || !versions.includes(manifestVersion))
    return [
      `manifestVersion: expected a version with a bundled schema (${versions[0]} … ${versions.at(-1)}), got ${JSON.stringify(manifestVersion ?? null)}`,
    ];
  const problems: string[] = [];
  if ($schema !== undefined && $schema !== schemaUrlOf(manifestVersion))
    problems.push(`$schema: expected ${schemaUrlOf(manifestVersion)} for manifestVersion ${manifestVersion}`);
  const errors = await AppManifestUtils.validateAgainstSchema(
    manifest as Manifest,
    bundledSchema(manifestVersion),
  );
  return [...problems, ...errors.map(readable)];
}
