/**
 * The Aho-Corasick automaton of a sieve (sieve.ts): finds in one pass every occurrence of
 * many factor strings, each belonging to numbered slots. Works on UTF-16 code units, over an
 * alphabet of the characters the factors use (any other character leads back to the root).
 *
 * Transitions are a full row per state only near the root and where the trie branches (those
 * states are numbered first); a state further out, with one way on, keeps that letter and
 * falls back otherwise. That keeps the table small enough to stay in the processor's cache.
 */
import { standsAsWord } from "./text.js";

/** How an automaton reads its slots. */
export interface SlotKinds {
  /** Slots from this one on are words: found only where they stand as whole words (text.ts). */
  firstWord: number;
  /** Per slot: where its places are listed in `Occurrences.last`, or -1 when they are not kept. */
  placeList: Int32Array;
  /** Zero for every 32 slots: `seen` before scanning. */
  noneSeen: readonly number[];
  /** -1 per place list: `last` before scanning. */
  noneFound: readonly number[];
}

/** What one scan found. */
export interface Occurrences {
  /** Bit per slot: set when the slot occurs anywhere in the text; and the slots so set. */
  seen: number[];
  seenSlots: number[];
  /**
   * Each kept occurrence as (start, end, index of the slot's previous one or -1), flattened;
   * `last[placeList[slot]]` is the index of the slot's last one (or -1).
   */
  found: number[];
  last: number[];
  /** Each whole word found as (slot, start), flattened, in text order. */
  words: number[];
}

/** Scan numbers start again from 1 after this many (they are kept in Int32Arrays). */
export const MAX_SCANS = 0x3fffffff;

/** Bits of `Automaton.ending`: what ends in a state. */
const FACTORS_END = 1;
const WORDS_END = 2;
const PLACES_KEPT = 4;

export class Automaton {
  /** Code unit → letter of the alphabet (0: a character no factor has). */
  private readonly ascii = new Int32Array(256);
  private readonly other = new Map<number, number>();
  private letters = 0;
  private readonly width: number;
  /** States below this have a full row of next states in `rows`. */
  private readonly withRows: number;
  private readonly rows: Uint16Array | Int32Array;
  /** A state without a row: its one letter with a next state (0: none), that state, its fallback. */
  private readonly onlyLetter: Uint16Array;
  private readonly onlyNext: Uint16Array | Int32Array;
  private readonly fallback: Uint16Array | Int32Array;
  /** Per state, (slot, factor length) pairs of the factors and of the words ending there. */
  private readonly factorsEnding: Runs;
  private readonly wordsEnding: Runs;
  /** Per state: FACTORS_END, WORDS_END, and PLACES_KEPT when a factor ending there keeps its places. */
  private readonly ending: Uint8Array;
  /** Per state, the scan that last noted its factors: noted once a scan when places are not kept. */
  private readonly notedIn: Int32Array;
  private scans = 0;

  /** @param factors each factor string and the slots it belongs to */
  constructor(
    factors: ReadonlyMap<string, ReadonlySet<number>>,
    private readonly slots: SlotKinds,
  ) {
    for (const f of factors.keys()) for (let i = 0; i < f.length; i++) this.addLetter(f.charCodeAt(i));
    this.width = this.letters + 1;
    if (this.width > 0xffff) throw new Error("a sieve's factors use too many different characters");
    const trie = this.trieOf(factors);
    const { next, fail, outputs } = link(trie, this.width);
    const states = trie.children.length;
    // States with a row first, then the others, each in breadth-first order.
    const hasRow = (s: number): boolean =>
      (trie.depth[s] as number) <= 2 || (trie.children[s]?.size ?? 0) > 1;
    const order = [...Array(states).keys()].sort((a, b) => Number(hasRow(b)) - Number(hasRow(a)) || a - b);
    const id = new Int32Array(states);
    order.forEach((old, state) => {
      id[old] = state;
    });
    this.withRows = order.filter(hasRow).length;
    const small = states <= 0xffff;
    this.rows = small
      ? new Uint16Array(this.withRows * this.width)
      : new Int32Array(this.withRows * this.width);
    this.onlyLetter = new Uint16Array(states);
    this.onlyNext = small ? new Uint16Array(states) : new Int32Array(states);
    this.fallback = small ? new Uint16Array(states) : new Int32Array(states);
    order.forEach((old, state) => {
      this.fallback[state] = id[fail[old] as number] as number;
      if (state < this.withRows)
        for (let a = 0; a < this.width; a++)
          this.rows[state * this.width + a] = id[next[old * this.width + a] as number] as number;
      else
        for (const [letter, child] of trie.children[old] ?? []) {
          this.onlyLetter[state] = letter;
          this.onlyNext[state] = id[child] as number;
        }
    });
    const factorsEnding: number[][] = [];
    const wordsEnding: number[][] = [];
    this.ending = new Uint8Array(states);
    order.forEach((old, state) => {
      const factors: number[] = [];
      const words: number[] = [];
      const pairs = outputs[old] ?? [];
      let bits = 0;
      for (let i = 0; i < pairs.length; i += 2) {
        const slot = pairs[i] as number;
        (slot >= slots.firstWord ? words : factors).push(slot, pairs[i + 1] as number);
        if (slot < slots.firstWord && (slots.placeList[slot] as number) >= 0) bits |= PLACES_KEPT;
      }
      if (factors.length > 0) bits |= FACTORS_END;
      if (words.length > 0) bits |= WORDS_END;
      this.ending[state] = bits;
      factorsEnding.push(factors);
      wordsEnding.push(words);
    });
    this.factorsEnding = runs(factorsEnding);
    this.wordsEnding = runs(wordsEnding);
    this.notedIn = new Int32Array(states);
  }

  /** Every factor occurrence in `text` (with `places`, where); a word only where it stands as a whole word. */
  scan(text: string, places: boolean): Occurrences {
    const { placeList, noneSeen, noneFound } = this.slots;
    const seen = noneSeen.slice();
    const seenSlots: number[] = [];
    const found: number[] = [];
    let last: number[] | undefined; // made on the first place kept
    const words: number[] = [];
    const { ascii, withRows, rows, onlyLetter, onlyNext, fallback, width } = this;
    const { ending, factorsEnding, wordsEnding, notedIn } = this;
    const scan = this.nextScan();
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const letter = c < 256 ? (ascii[c] as number) : (this.other.get(c) ?? 0);
      for (let from = state; ; from = fallback[from] as number) {
        if (from < withRows) {
          state = rows[from * width + letter] as number;
          break;
        }
        if (onlyLetter[from] === letter) {
          state = onlyNext[from] as number;
          break;
        }
      }
      const end = ending[state] as number;
      if (end === 0) continue;
      // A word ends here only if no letter or digit follows: most candidates fail that at once.
      if (end & WORDS_END && !isAsciiLetterOrDigit(text.charCodeAt(i + 1)))
        for (let k = wordsEnding.at[state] as number; k < (wordsEnding.at[state + 1] as number); k += 2) {
          const start = i + 1 - (wordsEnding.items[k + 1] as number);
          if (standsAsWord(text, start, i + 1)) words.push(wordsEnding.items[k] as number, start);
        }
      // Seen bits do not change when a state's factors are noted again: only places would.
      const placesHere = places && (end & PLACES_KEPT) !== 0;
      if ((end & FACTORS_END) === 0 || (!placesHere && notedIn[state] === scan)) continue;
      notedIn[state] = scan;
      for (let k = factorsEnding.at[state] as number; k < (factorsEnding.at[state + 1] as number); k += 2) {
        const slot = factorsEnding.items[k] as number;
        const bits = seen[slot >> 5] as number;
        if ((bits & (1 << (slot & 31))) === 0) {
          seen[slot >> 5] = bits | (1 << (slot & 31));
          seenSlots.push(slot);
        }
        const list = placeList[slot] as number;
        if (!placesHere || list < 0) continue;
        last ??= noneFound.slice();
        found.push(i + 1 - (factorsEnding.items[k + 1] as number), i + 1, last[list] as number);
        last[list] = found.length - 3;
      }
    }
    return { seen, seenSlots, found, last: last ?? [], words };
  }

  /** A number for this scan, never equal to a stale one in `notedIn`. */
  private nextScan(): number {
    if (this.scans === MAX_SCANS) {
      this.notedIn.fill(0);
      this.scans = 0;
    }
    return ++this.scans;
  }

  private addLetter(c: number): void {
    if (this.letterOf(c) !== 0) return;
    const letter = ++this.letters;
    if (c < 256) this.ascii[c] = letter;
    else this.other.set(c, letter);
  }

  private letterOf(c: number): number {
    return c < 256 ? (this.ascii[c] ?? 0) : (this.other.get(c) ?? 0);
  }

  private trieOf(factors: ReadonlyMap<string, ReadonlySet<number>>): Trie {
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    for (const [f, slots] of factors) {
      let state = 0;
      for (let i = 0; i < f.length; i++) {
        const letter = this.letterOf(f.charCodeAt(i));
        const node = children[state] as Map<number, number>;
        let child = node.get(letter);
        if (child === undefined) {
          child = children.length;
          children.push(new Map());
          own.push([]);
          node.set(letter, child);
        }
        state = child;
      }
      for (const slot of slots) (own[state] as number[]).push(slot, f.length);
    }
    return breadthFirst({ children, own, depth: [] });
  }
}

/** True for a-z, A-Z and 0-9 (false for NaN: past the end of a text). */
const isAsciiLetterOrDigit = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

interface Trie {
  children: Map<number, number>[];
  /** Per state: (slot, factor length) of the factors ending exactly there, flattened. */
  own: number[][];
  /** Per state: its distance from the root. */
  depth: number[];
}

/**
 * The full transition table (breadth first: a state's fallback comes before it), the
 * fallbacks, and each state's outputs including its fallback's.
 */
function link(trie: Trie, width: number): { next: Int32Array; fail: Int32Array; outputs: number[][] } {
  const next = new Int32Array(trie.children.length * width);
  const fail = new Int32Array(trie.children.length);
  const outputs: number[][] = trie.own.map((o) => [...o]);
  const queue: number[] = [];
  for (const [letter, child] of trie.children[0] ?? []) {
    next[letter] = child;
    queue.push(child);
  }
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q] as number;
    const fallback = fail[state] as number;
    (outputs[state] as number[]).push(...(outputs[fallback] as number[]));
    // Where the trie has no edge, go where the fallback goes.
    next.set(next.subarray(fallback * width, (fallback + 1) * width), state * width);
    for (const [letter, child] of trie.children[state] ?? []) {
      fail[child] = next[fallback * width + letter] as number;
      next[state * width + letter] = child;
      queue.push(child);
    }
  }
  return { next, fail, outputs };
}

/** The trie with its states numbered breadth first (the root's neighbours first), and their depths. */
function breadthFirst(trie: Trie): Trie {
  const order = [0];
  for (let q = 0; q < order.length; q++)
    for (const child of trie.children[order[q] as number]?.values() ?? []) order.push(child);
  const renumbered = new Int32Array(order.length);
  order.forEach((old, i) => {
    renumbered[old] = i;
  });
  const children = order.map(
    (old) => new Map([...(trie.children[old] ?? [])].map(([a, child]) => [a, renumbered[child] as number])),
  );
  const depth = new Array<number>(order.length).fill(0);
  children.forEach((c, state) => {
    for (const child of c.values()) depth[child] = (depth[state] as number) + 1;
  });
  return { children, own: order.map((old) => trie.own[old] ?? []), depth };
}

/** Lists of numbers end to end: list i is `items` from `at[i]` to `at[i + 1]`. */
export interface Runs {
  items: Int32Array;
  at: Int32Array;
}

export function runs(lists: readonly (readonly number[])[]): Runs {
  const at = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => {
    at[i + 1] = (at[i] as number) + l.length;
  });
  return { items: Int32Array.from(lists.flat()), at };
}
