/**
 * A sieve for regular expressions: one pass over a text finds where the required factors
 * (regexFactors.ts) of many expressions occur, so a check can skip an expression that cannot
 * match in a sentence or clause.
 *
 * Why skipping is safe: every match of an alternative of an expression contains a string of
 * each of its factor sets, so when for every alternative some set has no string lying wholly
 * inside a range of the text, no match can lie inside it either, whatever the lookarounds say
 * about the characters around it. An expression without factors, and a key the sieve was not
 * built with, is never skipped.
 *
 * The pass is an Aho-Corasick automaton (automaton.ts), built once: at module load or when a
 * policy's tone is compiled.
 *
 * @example
 * const sieve = new Sieve([[FEE, /\bfees?\b/u]]);
 * const hits = sieve.scan("no fee is due");
 * hits.mayMatch(FEE, 0, 2); // false: nothing in "no" can match
 * hits.mayMatch(FEE, 3, 6); // true: run the expression on "fee" to know
 */
import { Automaton, MAX_SCANS, type Occurrences, type Runs, runs, type SlotKinds } from "./automaton.js";
import { requiredFactors } from "./regexFactors.js";
import { isOneWord } from "./text.js";

export interface SieveOptions {
  /**
   * Pairs of a key and a word: `wordsFound` tells where the word stands as a whole word of
   * `wordsOf` (text.ts) and the key's expressions may match from there on.
   */
  words?: Iterable<readonly [key: unknown, word: string]>;
  /** Keys standing for several expressions' keys: such a key may match where any of theirs may. */
  groups?: Iterable<readonly [key: unknown, members: readonly unknown[]]>;
  /**
   * The keys that will be asked about parts of the text (default: all). For the others only
   * whether they may match anywhere is kept, which makes the scan cheaper.
   */
  ranges?: Iterable<unknown>;
}

type Expressions = Iterable<readonly [key: unknown, regex: RegExp]>;

/**
 * How scan results are read. A slot is one factor set (shared by every expression that needs
 * it), or one word. An alternative of an expression may match where all its slots occur (an
 * alternative without slots anywhere); a key may match where one of its alternatives may.
 */
interface Layout extends SlotKinds {
  keyIds: ReadonlyMap<unknown, number>;
  keyAlternatives: readonly (readonly number[])[];
  /** Per key: 1 when it is answered for parts of the text (see `SieveOptions.ranges`). */
  rangeKeys: Uint8Array;
  alternativeSlots: readonly (readonly number[])[];
  /** Per alternative, how many slots it needs. */
  sizes: Int32Array;
  /** Per slot, the alternatives that need it; per alternative, the keys that have it. */
  slotAlternatives: Runs;
  alternativeKeys: Runs;
  /** The `live` bits of a text before scanning: set for keys with an alternative without slots. */
  alwaysLive: readonly number[];
  /** Per word (slot `firstWord + i`): its key, and that key's id (or -1). */
  wordKeys: readonly unknown[];
  wordKeyIds: readonly number[];
}

/** What one scan found, and what it tells about the keys. */
interface Scanned extends Occurrences {
  /** Bit per key: set when the key may match somewhere in the text. */
  live: number[];
  /** Whether places were kept in this scan. */
  places: boolean;
  /** The length of the text. */
  length: number;
}

export class Sieve {
  private readonly layout: Layout;
  private readonly automaton: Automaton;
  /** Scratch for `liveKeys`: per alternative, slots counted in the scan numbered `countedIn`. */
  private readonly counted: Int32Array;
  private readonly countedIn: Int32Array;
  private scans = 0;

  /**
   * @param expressions pairs of a key and an expression; a key given several expressions
   *   stands for all of them (it may match where any of them may), as an expression stands
   *   for its alternatives
   */
  constructor(expressions: Expressions, options: SieveOptions = {}) {
    const { layout, factors } = layOut(expressions, options);
    this.layout = layout;
    this.automaton = new Automaton(factors, layout);
    this.counted = new Int32Array(layout.sizes.length);
    this.countedIn = new Int32Array(layout.sizes.length);
  }

  /**
   * Where the factors occur in `text` (the text the expressions will be run on, or a
   * superstring). Without `places`, only whether they occur anywhere is kept.
   */
  scan(text: string, { places = true }: { places?: boolean } = {}): SieveHits {
    const o = this.automaton.scan(text, places);
    const live = this.liveKeys(o.seenSlots);
    const scanned: Scanned = {
      seen: o.seen,
      seenSlots: o.seenSlots,
      found: o.found,
      last: o.last,
      words: o.words,
      live,
      places,
      length: text.length,
    };
    return new SieveHits(this.layout, scanned);
  }

  /** The `live` bits: of every key with an alternative whose slots all occur. */
  private liveKeys(seenSlots: readonly number[]): number[] {
    const { slotAlternatives, alternativeKeys, sizes } = this.layout;
    const { counted, countedIn } = this;
    if (this.scans === MAX_SCANS) {
      this.countedIn.fill(0);
      this.scans = 0;
    }
    const scan = ++this.scans;
    const live = this.layout.alwaysLive.slice();
    for (const slot of seenSlots)
      for (let a = slotAlternatives.at[slot] as number; a < (slotAlternatives.at[slot + 1] as number); a++) {
        const alternative = slotAlternatives.items[a] as number;
        const count = countedIn[alternative] === scan ? (counted[alternative] as number) + 1 : 1;
        countedIn[alternative] = scan;
        counted[alternative] = count;
        if (count !== sizes[alternative]) continue;
        for (
          let k = alternativeKeys.at[alternative] as number;
          k < (alternativeKeys.at[alternative + 1] as number);
          k++
        )
          setBit(live, alternativeKeys.items[k] as number);
      }
    return live;
  }
}

export class SieveHits {
  constructor(
    private readonly layout: Layout,
    private readonly scanned: Scanned,
  ) {}

  /**
   * False only when `key`'s expressions cannot match anywhere inside `[start, end)` of the
   * scanned text; true means "run them to know".
   */
  mayMatch(key: unknown, start: number, end: number): boolean {
    const id = this.layout.keyIds.get(key);
    return id === undefined || this.mayMatchKey(id, start, end);
  }

  /**
   * The sieve's words standing as whole words in the text where their key's expressions may
   * match from the word on: their keys and offsets, in text order.
   */
  wordsFound(): [key: unknown, start: number][] {
    const { words, length } = this.scanned;
    const { firstWord, wordKeys, wordKeyIds } = this.layout;
    const out: [unknown, number][] = [];
    for (let i = 0; i < words.length; i += 2) {
      const word = (words[i] as number) - firstWord;
      const start = words[i + 1] as number;
      const id = wordKeyIds[word] as number;
      if (id < 0 || this.mayMatchKey(id, start, length)) out.push([wordKeys[word], start]);
    }
    return out;
  }

  private mayMatchKey(id: number, start: number, end: number): boolean {
    if (!hasBit(this.scanned.live, id)) return false;
    if (!this.scanned.places || this.layout.rangeKeys[id] === 0) return true;
    for (const alternative of this.layout.keyAlternatives[id] ?? [])
      if (this.allOccurIn(this.layout.alternativeSlots[alternative] ?? [], start, end)) return true;
    return false;
  }

  private allOccurIn(slots: readonly number[], start: number, end: number): boolean {
    for (const slot of slots) if (!this.occursIn(slot, start, end)) return false;
    return true;
  }

  private occursIn(slot: number, start: number, end: number): boolean {
    const { seen, found, last } = this.scanned;
    if (!hasBit(seen, slot)) return false;
    const list = this.layout.placeList[slot] as number;
    if (list < 0) return true;
    for (let i = last[list] as number; i >= 0; i = found[i + 2] as number)
      if ((found[i] as number) >= start && (found[i + 1] as number) <= end) return true;
    return false;
  }
}

const hasBit = (bits: readonly number[], i: number): boolean =>
  ((bits[i >> 5] as number) & (1 << (i & 31))) !== 0;

function setBit(bits: number[], i: number): void {
  bits[i >> 5] = (bits[i >> 5] as number) | (1 << (i & 31));
}

/** Slots, keys and alternatives of a sieve, and the factor strings of each slot. */
function layOut(
  expressions: Expressions,
  options: SieveOptions,
): { layout: Layout; factors: Map<string, Set<number>> } {
  const slots = new SlotTable();
  const keys = new KeyTable();
  for (const [key, regex] of expressions) {
    const alternatives = keys.alternativesOf(key);
    for (const sets of requiredFactors(regex) ?? [[]])
      alternatives.push(keys.alternative(sets.map(slots.of)));
  }
  for (const [key, members] of options.groups ?? []) keys.group(key, members);
  const rangeKeys = keys.flags(options.ranges);
  const placeList = new Int32Array(slots.count).fill(-1);
  let placeLists = 0;
  keys.alternatives.forEach((alternatives, id) => {
    if (rangeKeys[id] === 0) return;
    for (const alternative of alternatives)
      for (const slot of keys.slotsOf[alternative] ?? [])
        if ((placeList[slot] as number) < 0) placeList[slot] = placeLists++;
  });
  const firstWord = slots.count;
  const wordKeys: unknown[] = [];
  for (const [key, word] of options.words ?? []) {
    // A word `wordsOf` would split (or never make, like "µs") never stands as a whole word.
    if (!isOneWord(word)) continue;
    slots.word(word);
    wordKeys.push(key);
  }
  const layout: Layout = {
    keyIds: keys.ids,
    keyAlternatives: keys.alternatives,
    rangeKeys,
    alternativeSlots: keys.slotsOf,
    sizes: Int32Array.from(keys.slotsOf, (needed) => needed.length),
    slotAlternatives: runs(invert(keys.slotsOf, firstWord)),
    alternativeKeys: runs(invert(keys.alternatives, keys.slotsOf.length)),
    alwaysLive: keys.alwaysLive(),
    firstWord,
    wordKeys,
    wordKeyIds: wordKeys.map((k) => keys.ids.get(k) ?? -1),
    placeList,
    noneSeen: new Array<number>((slots.count + 31) >> 5).fill(0),
    noneFound: new Array<number>(placeLists).fill(-1),
  };
  return { layout, factors: slots.factors };
}

/** Numbers factor sets (the same set is one slot wherever it is needed) and words. */
class SlotTable {
  readonly factors = new Map<string, Set<number>>();
  count = 0;
  private readonly bySet = new Map<string, number>();

  readonly of = (set: readonly string[]): number => {
    const signature = [...set].sort().join("\u0000");
    let slot = this.bySet.get(signature);
    if (slot === undefined) {
      slot = this.count++;
      this.bySet.set(signature, slot);
      for (const f of set) this.add(f, slot);
    }
    return slot;
  };

  word(word: string): void {
    this.add(word, this.count++);
  }

  private add(factor: string, slot: number): void {
    this.factors.set(factor, (this.factors.get(factor) ?? new Set()).add(slot));
  }
}

/** Numbers keys and alternatives: per key its alternatives, per alternative its slots. */
class KeyTable {
  readonly ids = new Map<unknown, number>();
  readonly alternatives: number[][] = [];
  readonly slotsOf: number[][] = [];

  alternativesOf(key: unknown): number[] {
    return this.alternatives[this.idOf(key)] as number[];
  }

  alternative(slots: readonly number[]): number {
    this.slotsOf.push([...new Set(slots)]);
    return this.slotsOf.length - 1;
  }

  group(key: unknown, members: readonly unknown[]): void {
    const known = members.every((m) => this.ids.has(m));
    // A member the sieve does not know may match anywhere, and so may the group.
    this.alternatives[this.idOf(key)] = known
      ? members.flatMap((m) => this.alternativesOf(m))
      : [this.alternative([])];
  }

  /** 1 per key among `keys` (all keys when not given). */
  flags(keys: Iterable<unknown> | undefined): Uint8Array {
    const flags = new Uint8Array(this.alternatives.length).fill(keys ? 0 : 1);
    for (const key of keys ?? []) {
      const id = this.ids.get(key);
      if (id !== undefined) flags[id] = 1;
    }
    return flags;
  }

  /** Bits of the keys with an alternative that needs no slot. */
  alwaysLive(): number[] {
    const bits = new Array<number>((this.alternatives.length + 31) >> 5).fill(0);
    this.alternatives.forEach((alternatives, id) => {
      if (alternatives.some((a) => this.slotsOf[a]?.length === 0)) setBit(bits, id);
    });
    return bits;
  }

  private idOf(key: unknown): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.alternatives.length;
      this.ids.set(key, id);
      this.alternatives.push([]);
    }
    return id;
  }
}

/** For `count` targets, the lists of sources that list them (`lists[source]` holds targets). */
function invert(lists: readonly (readonly number[])[], count: number): number[][] {
  const out: number[][] = Array.from({ length: count }, () => []);
  lists.forEach((targets, source) => {
    for (const target of targets) out[target]?.push(source);
  });
  return out;
}
