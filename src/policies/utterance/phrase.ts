/**
 * The phrase syntax of tone lexicons, compiled to regular-expression source. Phrases are for
 * supervisors who do not write regular expressions:
 *
 * - words match whole words, in any letter case (text and phrases are lower-cased); spaces
 *   match any run of spaces or hyphens, with an optional `,` `;` or `:` before
 *   (`no thanks i` matches "No thanks, I"); punctuation `,;:` written in a phrase is ignored;
 *   `-` inside a word also matches a space or nothing (`in-store` matches "in store" and
 *   "instore"); `'` matches `'` and `’`
 * - `{a|b c|d}` one of the alternatives (each may be several words); an empty alternative
 *   makes the group optional: `i {really |}miss you` (a space inside, before `}`, may stand
 *   for the one after it)
 * - `*` alone: any one word; `word*`: a word starting with `word` (`avgift*` matches "avgiften")
 * - `...`: up to four words in between (`you ... regret` matches "you will surely regret")
 *
 * Besides the source, compiling tells which words a match can start with, so the checker
 * only tries a phrase where its first word occurs.
 */

const WORD = "[\\p{L}\\p{N}']+";
const SEP = "[,;:]?[\\s\\-]+";
const GAP = "(?:[,;:]?[\\s\\-]+[^\\s.!?]+){0,4}?";
/** Whole-word guards used around every phrase. */
export const WORD_START = "(?<![\\p{L}\\p{N}_])";
export const WORD_END = "(?![\\p{L}\\p{N}_])";

/** The words a phrase can start with: exact words, word prefixes, or any word at all. */
export interface PhraseStarts {
  words: string[];
  stems: string[];
  any: boolean;
}

export type PhraseSource =
  | { ok: true; source: string; starts: PhraseStarts }
  | { ok: false; message: string };

interface Atom {
  kind: "atom" | "gap" | "optional";
  source: string;
  starts: PhraseStarts;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const none = (): PhraseStarts => ({ words: [], stems: [], any: false });
const union = (a: PhraseStarts, b: PhraseStarts): PhraseStarts => ({
  words: [...new Set([...a.words, ...b.words])],
  stems: [...new Set([...a.stems, ...b.stems])],
  any: a.any || b.any,
});

/** The first run of letters and digits of a word, as the checker tokenises text. */
const firstRun = (w: string): string => /^[\p{L}\p{N}]*/u.exec(w)?.[0] ?? "";

function literal(word: string): Atom | undefined {
  const w = word.replace(/[,;:]+$/u, "");
  if (w === "") return undefined;
  if (w === "*") return { kind: "atom", source: WORD, starts: { ...none(), any: true } };
  const stem = w.length > 1 && w.endsWith("*");
  const core = stem ? w.slice(0, -1) : w;
  const src = escapeRegex(core).replace(/['’]/g, "'").replace(/\\?-/g, "[\\s\\-]?");
  const run = firstRun(core);
  const starts =
    run === ""
      ? { ...none(), any: true }
      : stem && run === core
        ? { ...none(), stems: [run] }
        : { ...none(), words: [run] };
  return { kind: "atom", source: stem ? `${src}[\\p{L}\\p{N}]*` : src, starts };
}

/** A sequence of words without braces, as used inside an alternative. */
function words(text: string, where: string): { atoms: Atom[] } | { error: string } {
  const atoms: Atom[] = [];
  for (const w of text.split(/\s+/u)) {
    if (w === "") continue;
    if (w === "..." || w === "…") {
      if (where === "alternative") return { error: "`...` cannot be used inside {alternatives}" };
      atoms.push({ kind: "gap", source: GAP, starts: none() });
      continue;
    }
    const atom = literal(w);
    if (atom) atoms.push(atom);
  }
  return { atoms };
}

function join(atoms: Atom[]): string {
  let out = "";
  let needSep = false;
  atoms.forEach((a, i) => {
    const last = i === atoms.length - 1;
    if (a.kind === "gap") {
      out += a.source;
      needSep = true;
    } else if (a.kind === "optional") {
      if (last) out += needSep ? `(?:${SEP}(?:${a.source}))?` : `(?:${a.source})?`;
      else {
        out += `${needSep ? SEP : ""}(?:(?:${a.source})${SEP})?`;
        needSep = false;
      }
    } else {
      out += `${needSep ? SEP : ""}${a.source}`;
      needSep = true;
    }
  });
  return out;
}

/** What a sequence can start with: its first atom's starts, plus the next while optional. */
function startsOf(atoms: Atom[]): PhraseStarts {
  let acc = none();
  for (const a of atoms) {
    acc = union(acc, a.starts);
    if (a.kind !== "optional") break;
  }
  return acc;
}

/** Compiles one phrase (lower-cased) to regex source without the whole-word guards, or says what is wrong. */
export function compilePhrase(phrase: string): PhraseSource {
  const atoms: Atom[] = [];
  let rest = phrase.trim().toLowerCase();
  while (rest !== "") {
    const open = rest.indexOf("{");
    const close = rest.indexOf("}");
    if (close >= 0 && (open < 0 || close < open)) return { ok: false, message: "`}` without a matching `{`" };
    const before = open < 0 ? rest : rest.slice(0, open);
    if (open > 0 && /[^\s]$/u.test(before))
      return { ok: false, message: "write {alternatives} as whole words, with a space before `{`" };
    const head = words(before, "phrase");
    if ("error" in head) return { ok: false, message: head.error };
    atoms.push(...head.atoms);
    if (open < 0) break;
    const end = rest.indexOf("}", open);
    if (end < 0) return { ok: false, message: "`{` without a matching `}`" };
    const inside = rest.slice(open + 1, end);
    if (inside.includes("{")) return { ok: false, message: "{alternatives} cannot be nested" };
    const after = rest.slice(end + 1);
    const spacedInside = inside.split("|").every((alt) => alt === "" || /\s$/u.test(alt));
    if (/^[^\s,;:.!?]/u.test(after) && !spacedInside)
      return { ok: false, message: "write {alternatives} as whole words, with a space after `}`" };
    const alternatives: string[] = [];
    let starts = none();
    let optional = false;
    for (const alt of inside.split("|")) {
      if (alt.trim() === "") {
        optional = true;
        continue;
      }
      const seq = words(alt, "alternative");
      if ("error" in seq) return { ok: false, message: seq.error };
      alternatives.push(join(seq.atoms));
      starts = union(starts, startsOf(seq.atoms));
    }
    if (alternatives.length === 0)
      return { ok: false, message: "{} needs at least one non-empty alternative" };
    atoms.push({ kind: optional ? "optional" : "atom", source: `(?:${alternatives.join("|")})`, starts });
    rest = after.trim();
  }
  if (!atoms.some((a) => a.kind === "atom")) return { ok: false, message: "the phrase can match empty text" };
  if (atoms[0]?.kind === "gap" || atoms.at(-1)?.kind === "gap")
    return { ok: false, message: "`...` must stand between two words" };
  return { ok: true, source: join(atoms), starts: startsOf(atoms) };
}

/** The phrase regex with whole-word guards. */
export function guardPhrase(source: string): string {
  return `${WORD_START}(?:${source})${WORD_END}`;
}

/**
 * True when a regular expression has an upper-case letter outside escapes (`\P{L}`, `\W`,
 * `\u00C4` …) and group names: it could never match the lower-cased text.
 */
export function hasUpperCaseLiteral(source: string): boolean {
  const stripped = source
    .replace(/\\[pP]\{[^}]*\}/g, "")
    .replace(/\\k<[^>]*>/g, "")
    .replace(/\(\?<([A-Za-z_$][\w$]*)>/g, "(")
    .replace(/\\u\{?[0-9a-fA-F]+\}?|\\x[0-9a-fA-F]{2}|\\c[A-Za-z]|\\./g, "");
  return /\p{Lu}/u.test(stripped);
}

/** Lower-cases `text` keeping every character at its offset (a rare longer form is left as is). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}
