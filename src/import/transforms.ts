/**
 * Text clean-ups a mapping rule can apply to a source value before value maps and type
 * conversion: `transform: [trim, upper]`. Each is a pure string -> string function.
 */

export const TRANSFORMS = {
  /** Removes spaces at both ends. */
  trim: (s: string) => s.trim(),
  upper: (s: string) => s.toUpperCase(),
  lower: (s: string) => s.toLowerCase(),
  /** Turns runs of white space into one space and trims (`"Anna  Maria "` -> `"Anna Maria"`). */
  collapseSpaces: (s: string) => s.replace(/\s+/g, " ").trim(),
  /** Removes all white space (`"+44 7700 900123"` -> `"+447700900123"`, `"SW1A 1AA"` -> `"SW1A1AA"`). */
  removeSpaces: (s: string) => s.replace(/\s+/g, ""),
} as const satisfies Record<string, (s: string) => string>;

export type TransformName = keyof typeof TRANSFORMS;
export const TRANSFORM_NAMES = Object.keys(TRANSFORMS) as [TransformName, ...TransformName[]];

/**
 * Splits a full name into given and family names: `"Anna Maria Svensson"` gives
 * `{ given: "Anna Maria", family: "Svensson" }`; the comma form `"Svensson, Anna Maria"` is
 * read family first. Undefined when there is only one word.
 */
export function splitFullName(full: string): { given: string; family: string } | undefined {
  const text = full.replace(/\s+/g, " ").trim();
  const comma = text.indexOf(",");
  if (comma >= 0) {
    const family = text.slice(0, comma).trim();
    const given = text.slice(comma + 1).trim();
    return family && given ? { given, family } : undefined;
  }
  const space = text.lastIndexOf(" ");
  if (space < 0) return undefined;
  return { given: text.slice(0, space), family: text.slice(space + 1) };
}

/** Splits `health | elderly` into trimmed, non-empty items. */
export function splitList(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
