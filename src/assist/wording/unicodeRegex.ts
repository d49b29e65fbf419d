/**
 * Regular expressions for languages with letters beyond ASCII: in JavaScript `\b` and `\w` know
 * only [A-Za-z0-9_], so "Rücksendung" or "låser" would break at "ü" and "å". `rx` rewrites `\b`
 * and `\w` in a pattern to their Unicode meaning and compiles it case-insensitively, once.
 */
const WORD = "[\\p{L}\\p{N}_]";
const BOUNDARY = String.raw`(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

export function rx(pattern: string): RegExp {
  const source = pattern.replaceAll(String.raw`\b`, BOUNDARY).replaceAll(String.raw`\w`, WORD);
  try {
    return new RegExp(source, "iu");
  } catch (e) {
    throw new TypeError(`Invalid wording pattern ${JSON.stringify(pattern)}: ${(e as Error).message}`);
  }
}

/** `rx` of the alternatives joined. */
export const anyOf = (...alternatives: string[]): RegExp => rx(alternatives.join("|"));
