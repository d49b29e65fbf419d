/**
 * Matching that does not depend on diacritics, in one place. Customers type (and calls are
 * transcribed) without umlauts, å or ß: "kuendigen", "kundigen", "Gebuehr", "moechte",
 * "Strasse", "sag upp", "for dyrt", "gatt bort". Every lexicon letter with a diacritic is
 * compiled to the spellings it is typed as, and the message keeps the letters it was typed with:
 *
 * | in a lexicon entry | matches in a message |
 * |--------------------|----------------------|
 * | ä                  | ä, ae, a             |
 * | ö                  | ö, oe, o             |
 * | ü                  | ü, ue, u             |
 * | å                  | å, a                 |
 * | ß, ss              | ß, ss                |
 * | é, è, à, ñ …       | e, a, n … (the message drops these accents too: `foldAccents`) |
 *
 * The message is not folded to plain letters because that loses words: "zählen" is not
 * "zahlen", "hätte" not "hatte", Swedish "för" not English "for", "då" not German "da". An
 * entry written without diacritics matches only what it spells. The other way round (an entry
 * with a diacritic typed without it) is the point, but a few such words are then another word
 * that matters: Swedish "går" is German "gar" ("gar nicht"), "får" is "far", "nä" is German
 * "na" ("na klar"). A lexicon lists those in `spelledExactly`; they match only as written.
 *
 * Offsets are unchanged: the message's text has the same letters as typed (lower case), so a
 * phrase found in it points into that text, and the raw text is never rewritten.
 */

/** The letters the lexicons write with diacritics, and the spellings each stands for. */
const VARIANTS: Readonly<Record<string, string>> = {
  ä: "(?:ä|ae?)",
  ö: "(?:ö|oe?)",
  ü: "(?:ü|ue?)",
  å: "(?:å|a)",
  ß: "(?:ß|ss)",
};
/** Letters kept in a message as typed: the lexicons tell words apart by them. */
const OWN_LETTERS = new Set(Object.keys(VARIANTS));
const ACCENTED = /[\u00c0-\u024f]/;
const MARKS = /\p{M}/gu;
const LETTER = /[\p{L}\p{N}']/u;
const QUANTIFIER = /^[?*+{]/;

/** Other accents than the lexicons' own letters, dropped: "café" is "cafe". Same length. */
export function foldAccents(word: string): string {
  if (!ACCENTED.test(word)) return word;
  let out = "";
  for (const c of word) {
    const base = OWN_LETTERS.has(c) ? c : c.normalize("NFD").replace(MARKS, "");
    out += base.length === 1 ? base : c;
  }
  return out;
}

/**
 * The regular-expression source of an entry (already expanded from the lexicon syntax) with
 * each diacritic letter made to match its spellings (see the table above). Character classes
 * and escapes are copied as written; a word in `exact` is kept as written.
 */
export function foldEntrySource(source: string, exact: ReadonlySet<string> = new Set()): string {
  let out = "";
  let i = 0;
  while (i < source.length) {
    const c = source.charAt(i);
    if (c === "\\") {
      out += source.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === "[") {
      const end = source.indexOf("]", i + 2);
      const stop = end < 0 ? source.length : end + 1;
      out += source.slice(i, stop);
      i = stop;
      continue;
    }
    if (LETTER.test(c) && (i === 0 || !LETTER.test(source.charAt(i - 1)))) {
      let j = i;
      while (j < source.length && LETTER.test(source.charAt(j))) j++;
      const word = source.slice(i, j);
      if (exact.has(word)) {
        out += word;
        i = j;
        continue;
      }
    }
    const variant = VARIANTS[c];
    if (variant !== undefined) out += variant;
    else if (c === "s" && source.charAt(i + 1) === "s" && !QUANTIFIER.test(source.slice(i + 2))) {
      out += VARIANTS.ß;
      i++;
    } else out += foldAccents(c);
    i++;
  }
  return out;
}

/**
 * A word's key for the gate (see `lexiconPatterns.ts`): any spelling an entry's letters match
 * has the entry's key, and more words share a key than match (the gate only skips work).
 * Diacritics are dropped, ß is ss, and an "e" after a, o or u is dropped ("kuendig",
 * "kündig" and "kundig" are "kundig").
 */
export function gateKey(word: string): string {
  let w = word;
  if (ACCENTED.test(w)) w = w.replaceAll("ß", "ss").normalize("NFD").replace(MARKS, "");
  return w.includes("e") ? w.replace(/([aou])e+/g, "$1") : w;
}

/** Plain words (or phrases of plain words) matched as lexicon entries are: "außer" is also "ausser". */
export interface WordSet {
  has(word: string): boolean;
}

export function foldedWordSet(words: Iterable<string>, exact: ReadonlySet<string> = new Set()): WordSet {
  const asWritten = new Set(words);
  const literal = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const folded = [...asWritten]
    .map((w) => ({ plain: literal(w), source: foldEntrySource(literal(w), exact) }))
    .filter((f) => f.source !== f.plain)
    .map((f) => f.source);
  const re = folded.length === 0 ? undefined : new RegExp(`^(?:${folded.join("|")})$`, "u");
  return { has: (word) => asWritten.has(word) || (re?.test(word) ?? false) };
}
