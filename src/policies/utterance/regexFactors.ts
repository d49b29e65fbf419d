/**
 * Required factors of a regular expression: literal strings that every match contains. For
 * each top-level alternative, sets of strings such that a match of that alternative contains a
 * string of each set. When every alternative has a set none of whose strings is in a text, the
 * expression cannot match anywhere in it, so the checker may skip running it (see sieve.ts).
 * Worked out from the expression's own source, so the sieve cannot drift from the lexicon.
 *
 * The analysis is conservative: whatever it does not understand (character classes, `.`,
 * back-references, an unknown syntax) counts as "could be anything", and an expression it
 * cannot read at all, or that ignores letter case, gets no factors (it always runs).
 *
 * @example
 * requiredFactors(/\bexit\s+fees?\b/u); // [[["exit"], ["fee"]]]: "exit" and "fee"
 * requiredFactors(/\b(?:exit fee|etf)\b/u); // [[["exit fee", "etf"]]]: one of them
 * requiredFactors(/\b(?:exit\s+fee|leaving\s+charge)\b/u); // [[["exit"], ["fee"]], [["leaving"], ["charge"]]]
 */

import { best, MAX_SET_SIZE, usable } from "./factorSets.js";

/** What a part of an expression can match, as far as literal strings go. */
interface Info {
  /** Every string the part can match, when there are few (else undefined). */
  exact?: ReadonlySet<string>;
  /** Every match contains a string of each set (nothing known when empty or undefined). */
  all?: readonly ReadonlySet<string>[];
  /** When the part is one alternation (between assertions): its alternatives, one of which a match matches. */
  options?: readonly Info[];
}

/** Beyond this many alternatives, only the sets common to all of them are kept. */
const MAX_OPTIONS = 256;

/** Beyond this many strings, exact sets and cross products are dropped. */
const MAX_EXACT = MAX_SET_SIZE;
const UNKNOWN: Info = {};
const EMPTY: Info = { exact: new Set([""]) };

class Unsupported extends Error {}

/**
 * Per alternative of `re`, the factor sets of its matches (strings of each set), or undefined
 * when the analysis cannot tell (some alternative may match without any known string).
 */
export function requiredFactors(re: RegExp): string[][][] | undefined {
  if (/[iv]/.test(re.flags)) return undefined;
  try {
    const parser = new Parser(re.source, re.flags.includes("u"));
    const info = parser.alternation();
    if (!parser.done()) return undefined;
    const perOption = (info.options ?? [info]).map(setsOf);
    if (perOption.length === 0 || perOption.some((sets) => sets.length === 0)) return undefined;
    return mergeSingleSets(perOption).map((sets) => sets.map((set) => [...set]));
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/**
 * Alternatives known by one set each are as good as one alternative with their union (when
 * the union is a usable set; else they stay apart).
 */
function mergeSingleSets(perOption: (readonly ReadonlySet<string>[])[]): (readonly ReadonlySet<string>[])[] {
  const single = perOption.filter((sets) => sets.length === 1).flatMap((sets) => [...(sets[0] ?? [])]);
  const several = perOption.filter((sets) => sets.length > 1);
  const union = single.length > 0 ? usable(new Set(single)) : undefined;
  if (single.length > 0 && !union) return perOption;
  return union ? [[union], ...several] : several;
}

/** The factor sets of a part, most telling first. */
function setsOf(info: Info): readonly ReadonlySet<string>[] {
  if (info.exact) {
    const set = usable(info.exact);
    return set ? [set] : [];
  }
  return info.all ?? [];
}

function cross(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> | undefined {
  if (a.size * b.size > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** A sequence: runs of exact parts multiply out into longer literals ("f" "e" "e" "s?" → fee, fees). */
function sequence(parts: Info[]): Info {
  const sets: ReadonlySet<string>[] = [];
  const keep = (set: ReadonlySet<string> | undefined): void => {
    if (set) sets.push(set);
  };
  let run: ReadonlySet<string> = new Set([""]);
  let all: ReadonlySet<string> | undefined = new Set([""]);
  for (const p of parts) {
    all = all && p.exact ? cross(all, p.exact) : undefined;
    if (p.exact) {
      const longer = cross(run, p.exact);
      if (longer) run = longer;
      else {
        keep(usable(run));
        run = p.exact;
      }
    } else {
      keep(usable(run));
      run = new Set([""]);
      sets.push(...setsOf(p));
    }
  }
  keep(usable(run));
  if (all) return { exact: all };
  // Between assertions, an alternation keeps its alternatives (`\b(?:a|b)\b`).
  const consuming = parts.filter((p) => !(p.exact?.size === 1 && p.exact.has("")));
  const options = consuming.length === 1 ? consuming[0]?.options : undefined;
  return options ? { all: best(sets), options } : { all: best(sets) };
}

/**
 * Alternatives: every match matches one of them, so a set made of one set of each
 * alternative is a set of the whole (the most telling ones are paired first).
 */
function alternatives(options: Info[]): Info {
  if (options.length === 1) return options[0] ?? UNKNOWN;
  if (options.every((o) => o.exact)) {
    const union = new Set(options.flatMap((o) => [...(o.exact ?? [])]));
    if (union.size <= MAX_EXACT) return { exact: union };
  }
  const flat = options.flatMap((o) => o.options ?? [o]);
  const kept = flat.length <= MAX_OPTIONS ? { options: flat } : {};
  const lists = options.map(setsOf);
  if (lists.some((l) => l.length === 0)) return { ...kept };
  const count = Math.max(...lists.map((l) => l.length));
  const sets: ReadonlySet<string>[] = [];
  for (let i = 0; i < count; i++) sets.push(new Set(lists.flatMap((l) => [...(l[i] ?? l[0] ?? [])])));
  const all = best(sets.map((set) => usable(set) ?? new Set([""])).filter((set) => !set.has("")));
  return { all, ...kept };
}

function repeated(atom: Info, min: number, max: number): Info {
  if (min === 0) return max === 1 && atom.exact ? { exact: new Set(["", ...atom.exact]) } : UNKNOWN;
  if (min === 1 && max === 1) return atom;
  let exact: ReadonlySet<string> | undefined = min === max ? atom.exact : undefined;
  for (let i = 1; exact && i < min; i++) exact = cross(exact, atom.exact ?? new Set());
  if (exact && min === max) return { exact };
  return { all: setsOf(atom) };
}

const ESCAPED_CHARS: Record<string, string> = { n: "\n", r: "\r", t: "\t", f: "\f", v: "\v" };

/** A recursive-descent reader of JavaScript regular-expression syntax. */
class Parser {
  private i = 0;

  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  done(): boolean {
    return this.i >= this.src.length;
  }

  /** `a|b|…` up to a closing `)` or the end. */
  alternation(): Info {
    const options = [this.sequence()];
    while (this.src[this.i] === "|") {
      this.i++;
      options.push(this.sequence());
    }
    return alternatives(options);
  }

  private sequence(): Info {
    const parts: Info[] = [];
    while (this.i < this.src.length && this.src[this.i] !== "|" && this.src[this.i] !== ")")
      parts.push(this.quantified(this.atom()));
    return sequence(parts);
  }

  private quantified(atom: Info): Info {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === "*" || c === "+" || c === "?") {
      this.i++;
      [min, max] = c === "*" ? [0, Infinity] : c === "+" ? [1, Infinity] : [0, 1];
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) throw new Unsupported();
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
    } else return atom;
    if (this.src[this.i] === "?") this.i++;
    return repeated(atom, min, max);
  }

  private atom(): Info {
    const c = this.src[this.i];
    if (c === "(") return this.group();
    if (c === "[") return this.characterClass();
    if (c === "\\") return this.escape();
    if (c === "^" || c === "$") {
      this.i++;
      return EMPTY;
    }
    if (c === ".") {
      this.i++;
      return UNKNOWN;
    }
    if (c === "*" || c === "+" || c === "?" || c === "{" || c === "}" || c === "]") throw new Unsupported();
    return this.literal(this.char());
  }

  /** One character, a whole code point in unicode mode. */
  private char(): string {
    const cp = this.unicode ? (this.src.codePointAt(this.i) ?? 0) : this.src.charCodeAt(this.i);
    const ch = this.unicode ? String.fromCodePoint(cp) : String.fromCharCode(cp);
    this.i += ch.length;
    return ch;
  }

  private literal(ch: string): Info {
    return { exact: new Set([ch]) };
  }

  private group(): Info {
    const rest = this.src.slice(this.i, this.i + 4);
    let lookaround = false;
    if (rest.startsWith("(?:")) this.i += 3;
    else if (rest.startsWith("(?=") || rest.startsWith("(?!")) {
      this.i += 3;
      lookaround = true;
    } else if (rest.startsWith("(?<=") || rest.startsWith("(?<!")) {
      this.i += 4;
      lookaround = true;
    } else if (rest.startsWith("(?<")) {
      const end = this.src.indexOf(">", this.i);
      if (end < 0) throw new Unsupported();
      this.i = end + 1;
    } else if (rest.startsWith("(?"))
      throw new Unsupported(); // modifiers such as (?i:…)
    else this.i += 1;
    const inner = this.alternation();
    if (this.src[this.i] !== ")") throw new Unsupported();
    this.i++;
    // A lookaround consumes nothing: the match itself need not contain what it looks at.
    return lookaround ? EMPTY : inner;
  }

  /** A class matches one character of a set: exact only for a few plain characters. */
  private characterClass(): Info {
    this.i++;
    const negated = this.src[this.i] === "^";
    if (negated) this.i++;
    const chars: string[] = [];
    let plain = !negated;
    while (this.i < this.src.length && this.src[this.i] !== "]") {
      if (this.src[this.i] === "\\") {
        const escaped = this.escape();
        const one = escaped.exact?.size === 1 ? [...escaped.exact][0] : undefined;
        if (one !== undefined && one !== "") chars.push(one);
        else plain = false;
      } else {
        const ch = this.char();
        if (ch === "-" && chars.length > 0 && this.src[this.i] !== "]") plain = false;
        chars.push(ch);
      }
    }
    if (this.src[this.i] !== "]") throw new Unsupported();
    this.i++;
    return plain && chars.length > 0 && chars.length <= 4 ? { exact: new Set(chars) } : UNKNOWN;
  }

  private escape(): Info {
    this.i++;
    const c = this.src[this.i];
    if (c === undefined) throw new Unsupported();
    if ("dDwWsS".includes(c)) {
      this.i++;
      return UNKNOWN;
    }
    if (c === "b" || c === "B") {
      this.i++;
      return EMPTY;
    }
    if (c === "p" || c === "P") {
      const end = this.src.indexOf("}", this.i);
      if (this.src[this.i + 1] !== "{" || end < 0) throw new Unsupported();
      this.i = end + 1;
      return UNKNOWN;
    }
    if (c === "k") {
      const end = this.src.indexOf(">", this.i);
      if (this.src[this.i + 1] !== "<" || end < 0) throw new Unsupported();
      this.i = end + 1;
      return UNKNOWN; // a back-reference: whatever the group matched
    }
    if (/[1-9]/.test(c)) {
      while (/\d/.test(this.src[this.i] ?? "")) this.i++;
      return UNKNOWN;
    }
    if (c === "0" && !/\d/.test(this.src[this.i + 1] ?? "")) {
      this.i++;
      return this.literal("\0");
    }
    const simple = ESCAPED_CHARS[c];
    if (simple !== undefined) {
      this.i++;
      return this.literal(simple);
    }
    const hex = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]+)\})/.exec(this.src.slice(this.i));
    // Without the u flag, \u{…} is not a code point ("u" repeated): not worth guessing.
    if (hex?.[3] !== undefined && !this.unicode) throw new Unsupported();
    if (hex) {
      this.i += hex[0].length;
      const cp = Number.parseInt(hex[1] ?? hex[2] ?? hex[3] ?? "", 16);
      // A surrogate written as \uD83D\uDE00 is one character in unicode mode: do not guess.
      if (cp >= 0xd800 && cp <= 0xdfff) return UNKNOWN;
      return this.literal(String.fromCodePoint(cp));
    }
    if (/[a-zA-Z0-9]/.test(c)) throw new Unsupported(); // \c, annex-B escapes: not worth guessing
    return this.literal(this.char());
  }
}
