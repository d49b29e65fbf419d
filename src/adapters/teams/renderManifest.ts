/**
 * Fills a Teams manifest template: every `${{NAME}}` in a string value (the Teams Toolkit
 * syntax) is replaced by its value. A placeholder with no value, or a `${{` left unclosed, fails
 * with where it is; a manifest never leaves here with a placeholder in it.
 */
import { TeamsPackageError } from "./teamsPackageError.js";
import { placeholderValues, readTeamsSettings } from "./teamsSettings.js";

/** A rendered manifest: JSON, not yet checked against the Teams schema (see `validateManifest`). */
export type ManifestJson = Record<string, unknown>;

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

const pathOf = (path: (string | number)[]) =>
  path.reduce<string>((p, k) => (typeof k === "number" ? `${p}[${k}]` : p ? `${p}.${k}` : k), "") || "(top)";

/**
 * Parses `template` (JSON text) and fills its placeholders from `values`.
 *
 * @example
 * import { fillTemplate } from "./renderManifest.js";
 * fillTemplate('{ "bots": [{ "botId": "${{MicrosoftAppId}}" }] }', { MicrosoftAppId: "00000000-0000-4000-8000-000000000001" });
 * // { bots: [{ botId: "00000000-0000-4000-8000-000000000001" }] }
 */
export function fillTemplate(
  template: string,
  values: Record<string, string>,
  source = "manifest template",
): ManifestJson {
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch (e) {
    throw new TeamsPackageError(`${source}: not valid JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new TeamsPackageError(`${source}: expected a JSON object`);

  const problems: string[] = [];
  const fill = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === "string") {
      const filled = value.replace(PLACEHOLDER, (whole, name: string) => {
        if (Object.hasOwn(values, name)) return values[name]!;
        problems.push(`${pathOf(path)}: unknown placeholder ${whole}`);
        return whole;
      });
      if (filled.replace(PLACEHOLDER, "").includes("${{"))
        problems.push(`${pathOf(path)}: unfinished placeholder in ${JSON.stringify(value)}`);
      return filled;
    }
    if (Array.isArray(value)) return value.map((v, i) => fill(v, [...path, i]));
    if (typeof value === "object" && value !== null)
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => {
          if (k.includes("${{"))
            problems.push(`${pathOf([...path, k])}: placeholders work in values, not in keys`);
          return [k, fill(v, [...path, k])];
        }),
      );
    return value;
  };
  const manifest = fill(parsed, []) as ManifestJson;
  if (problems.length > 0) {
    const known = Object.keys(values).join(", ");
    throw new TeamsPackageError(
      `${source}: ${problems.length} placeholder(s) cannot be filled (known: ${known})`,
      problems,
    );
  }
  return manifest;
}

/**
 * Renders the manifest template from the environment: the settings are read and checked
 * (`readTeamsSettings`, errors name the variable), then every placeholder is filled.
 */
export function renderManifest(
  template: string,
  env: NodeJS.ProcessEnv,
  opts: { packageVersion: string },
): ManifestJson {
  return fillTemplate(template, placeholderValues(readTeamsSettings(env, opts)));
}
