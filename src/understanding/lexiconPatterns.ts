/**
 * Compiles lexicon entries (syntax in `lexicon.ts`) to one regular expression per category,
 * with one named group per language so a match also tells which language it is in. Compiled
 * once at module load; a bad entry throws a TypeError naming the language, category and entry.
 *
 * Speed: most categories cannot match most messages. Each category knows the words its
 * entries can start with (see `startWords`), and a message knows its words, so a category is
 * only run when one of its first words is in the message (the "gate", computed once per message).
 */

import type { Language } from "../domain/understanding.js";
import { foldEntrySource, gateKey } from "./diacritics.js";
import type { Entries } from "./lexicon.js";

export interface Hit {
  /** Index of the space before the phrase. */
  start: number;
  /** Index of the space after the phrase. */
  end: number;
  lang: Language;
}

/** What phrases are matched against: a prepared message (see `message.ts`). */
export interface Scannable {
  readonly text: string;
  readonly tokens: readonly string[];
  gate?: Uint8Array;
}

export type EntriesByLanguage = Readonly<Record<Language, Entries>>;

const LANGUAGES: readonly Language[] = ["en", "sv", "de"];
const GAP = "(?:[^ |]+ ){0,3}";
const IN_WORD = "[^ |]*";

/** The regular-expression source of one entry. */
export function entrySource(entry: string): string {
  return entry.replace(/… ?/g, GAP).replace(/\*/g, IN_WORD);
}

function checkEntry(where: string, entry: string): string {
  const fail = (why: string): never => {
    throw new TypeError(`Invalid lexicon entry in ${where}: "${entry}": ${why}`);
  };
  if (entry.trim() !== entry || entry === "") fail("starts or ends with a space, or is empty");
  if (entry.includes("  ")) fail("two spaces in a row");
  if (entry !== entry.toLowerCase()) fail("upper-case letters never match (the text is lower-cased)");
  if (entry.startsWith("…") || entry.endsWith("…")) fail("`…` must stand between words");
  if (/[)\]?]\*|\*[(?]/.test(entry)) fail("`*` is not a quantifier here; write `{0,3}`");
  const source = entrySource(entry);
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${source})$`, "u");
  } catch (e) {
    return fail((e as Error).message);
  }
  if (re.test("")) fail("matches the empty text");
  return source;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** Each language's entries as one group; diacritics folded (see `diacritics.ts`) but in `exact` words. */
function alternation(
  name: string,
  byLanguage: EntriesByLanguage,
  named: boolean,
  exact: ReadonlySet<string>,
): string | undefined {
  const groups: string[] = [];
  for (const lang of LANGUAGES) {
    const entries = byLanguage[lang];
    if (entries.length === 0) continue;
    const sources = entries.map((e) => foldEntrySource(checkEntry(`${lang}.${name}`, e), exact));
    groups.push(`(${named ? `?<${lang}>` : "?:"}${sources.join("|")})`);
  }
  return groups.length === 0 ? undefined : groups.join("|");
}

/** Where the first word of an entry can come from; `undefined`: anything (always run). */
interface Starts {
  words: string[];
  stems: string[];
  infixes: string[];
}

/** Index of the `)` closing the group opening at `open`. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "[") i = s.indexOf("]", i);
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
    if (i < 0) break;
  }
  return s.length;
}

function splitAlternatives(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "[") i = Math.max(i, s.indexOf("]", i));
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out;
}

const RUN = /^[\p{L}\p{N}']+/u;

/** The words an entry can start with (over-approximated), or `undefined` when it cannot tell. */
export function startWords(entry: string): Starts | undefined {
  let s = entry;
  while (/^\(\?(?:<!|<=|!|=)/.test(s)) s = s.slice(closing(s, 0) + 1);
  if (s === "") return undefined;
  if (s.startsWith("(?:")) {
    const end = closing(s, 0);
    let rest = s.slice(end + 1);
    const optional = rest.startsWith("?") || rest.startsWith("{0,");
    if (rest.startsWith("?")) rest = rest.slice(1);
    else if (rest.startsWith("{")) rest = rest.slice(rest.indexOf("}") + 1);
    const out: Starts = { words: [], stems: [], infixes: [] };
    const options = splitAlternatives(s.slice(3, end)).map((alt) => alt + rest);
    if (optional) options.push(rest);
    for (const option of options) {
      const starts = startWords(option);
      if (!starts) return undefined;
      out.words.push(...starts.words);
      out.stems.push(...starts.stems);
      out.infixes.push(...starts.infixes);
    }
    return out;
  }
  if (s.startsWith("*")) {
    const infix = RUN.exec(s.slice(1))?.[0] ?? "";
    return infix.length >= 3 ? { words: [], stems: [], infixes: [infix] } : undefined;
  }
  const run = RUN.exec(s)?.[0];
  if (run === undefined) return undefined;
  const next = s.charAt(run.length);
  const lookahead = s.startsWith("(?!", run.length) || s.startsWith("(?=", run.length);
  if (next === "" || next === " " || next === "|" || next === ")" || lookahead) {
    return { words: [run], stems: [], infixes: [] };
  }
  const stem = next === "?" ? run.slice(0, -1) : run;
  return stem.length >= 2 ? { words: [], stems: [stem], infixes: [] } : undefined;
}

/**
 * Every gated category's first words, for computing a message's gate; by their `gateKey`, so
 * "kuendigen" and "kundigen" open what "kündig*" starts.
 */
const gateIndex = {
  count: 0,
  words: new Map<string, number[]>(),
  /** By the stem's first two letters. */
  stems: new Map<string, { stem: string; ids: number[] }[]>(),
  infixes: new Map<string, number[]>(),
};

function addTo<K>(map: Map<K, number[]>, key: K, id: number): void {
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

function register(starts: Starts): number {
  const id = gateIndex.count++;
  for (const w of starts.words) addTo(gateIndex.words, gateKey(w), id);
  for (const i of starts.infixes) addTo(gateIndex.infixes, gateKey(i), id);
  for (const stem of starts.stems.map(gateKey)) {
    const key = stem.slice(0, 2);
    const bucket = gateIndex.stems.get(key) ?? [];
    gateIndex.stems.set(key, bucket);
    const found = bucket.find((b) => b.stem === stem);
    if (!found) bucket.push({ stem, ids: [id] });
    else if (!found.ids.includes(id)) found.ids.push(id);
  }
  return id;
}

function mark(gate: Uint8Array, ids: readonly number[] | undefined): void {
  if (ids) for (const id of ids) gate[id] = 1;
}

function gateOf(m: Scannable): Uint8Array {
  if (m.gate && m.gate.length === gateIndex.count) return m.gate;
  const gate = new Uint8Array(gateIndex.count);
  for (const token of m.tokens) {
    const word = gateKey(token);
    mark(gate, gateIndex.words.get(word));
    const bucket = gateIndex.stems.get(word.slice(0, 2));
    if (bucket) for (const b of bucket) if (word.startsWith(b.stem)) mark(gate, b.ids);
  }
  const text = gateKey(m.text);
  for (const [infix, ids] of gateIndex.infixes) if (text.includes(infix)) mark(gate, ids);
  m.gate = gate;
  return gate;
}

function languageOf(m: RegExpExecArray): Language {
  const g = m.groups;
  if (g?.en !== undefined) return "en";
  if (g?.sv !== undefined) return "sv";
  return "de";
}

/** The phrases of one category, found anywhere in a normalised message. */
export class Phrases {
  private readonly re: RegExp | undefined;
  /** Index in the gate, or -1 when the category is always run. */
  private readonly gateId: number;

  /** `exact`: words matched only as written (see `diacritics.ts`). */
  constructor(
    readonly name: string,
    byLanguage: EntriesByLanguage,
    exact: ReadonlySet<string> = NO_WORDS,
  ) {
    const body = alternation(name, byLanguage, true, exact);
    this.re = body === undefined ? undefined : new RegExp(` (?:${body})(?= )`, "gu");
    const all: Starts = { words: [], stems: [], infixes: [] };
    let gated = true;
    for (const entry of LANGUAGES.flatMap((l) => byLanguage[l])) {
      const starts = startWords(entry);
      if (!starts || starts.stems.some((stem) => gateKey(stem).length < 2)) gated = false;
      else {
        all.words.push(...starts.words);
        all.stems.push(...starts.stems);
        all.infixes.push(...starts.infixes);
      }
    }
    this.gateId = gated && body !== undefined ? register(all) : -1;
  }

  /** The first match at or after `from`. */
  first(m: Scannable, from = 0): Hit | undefined {
    const re = this.re;
    if (!re || (this.gateId >= 0 && gateOf(m)[this.gateId] !== 1)) return undefined;
    re.lastIndex = from;
    const found = re.exec(m.text);
    re.lastIndex = 0;
    return found
      ? { start: found.index, end: found.index + found[0].length, lang: languageOf(found) }
      : undefined;
  }

  /** Every match, in order (a match ends at the space the next one may start with). */
  all(m: Scannable): Hit[] {
    const out: Hit[] = [];
    for (let hit = this.first(m); hit; hit = this.first(m, hit.end)) out.push(hit);
    return out;
  }

  /** The first match that `accept` accepts. */
  find(m: Scannable, accept: (hit: Hit) => boolean): Hit | undefined {
    for (let hit = this.first(m); hit; hit = this.first(m, hit.end)) if (accept(hit)) return hit;
    return undefined;
  }

  test(m: Scannable): boolean {
    return this.first(m) !== undefined;
  }
}

/**
 * The phrases of one category as the whole message, with politeness words allowed around
 * them ("no thanks", "agent please", "ja tack"). Matches the message's `core`.
 */
export class WholeMessage {
  private readonly re: RegExp | undefined;

  constructor(
    readonly name: string,
    byLanguage: EntriesByLanguage,
    politeness: EntriesByLanguage,
    exact: ReadonlySet<string> = NO_WORDS,
  ) {
    const body = alternation(name, byLanguage, false, exact);
    const polite = alternation("politeness", politeness, false, exact);
    if (body === undefined) this.re = undefined;
    else if (polite === undefined) this.re = new RegExp(`^ (?:${body}) $`, "u");
    else this.re = new RegExp(`^ (?:(?:${polite}) ){0,2}(?:${body})(?: (?:${polite})){0,3} $`, "u");
  }

  /** Whole-message answers are short: longer messages are not tried. */
  test(m: { readonly core: string; readonly words: number }): boolean {
    return this.re !== undefined && m.words > 0 && m.words <= 8 && this.re.test(m.core);
  }
}
