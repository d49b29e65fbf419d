/**
 * Which factor sets are worth looking for (regexFactors.ts): every set it returns is sound,
 * the choice only decides how much a sieve skips and how much its scan costs, never what the
 * checks find.
 */

/** The largest set kept (larger ones come from long alternations and tell little). */
export const MAX_SET_SIZE = 64;
/** At most this many sets are kept per part: the most telling ones. */
const MAX_SETS = 3;
/** A set besides the best one is kept when its most common string is as rare as 4 letters… */
const MIN_EXTRA_SCORE = 4 * 1000 - MAX_SET_SIZE;
/** …or when it has one or two strings, each at least a word. */
const MIN_WORD_SCORE = 1 * 1000 - MAX_SET_SIZE;

/**
 * A set that can serve as factors: never with the empty string (it is in every text), nor a
 * single letter, digit or space (in nearly every text, and costly to look for), nor a word such as
 * "the" among others (such sets are many and each costs a look at every "the"; on its own, it
 * is one set, looked for once); and without a string that contains another of the set (a text
 * containing it contains the other).
 */
export function usable(set: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  if (!set || set.size === 0 || set.has("")) return undefined;
  const list = [...set];
  if (list.some((s) => /^[\p{L}\p{N}\s]$/u.test(s) || FUNCTION_WORDS.has(s))) return undefined;
  return new Set(list.filter((s) => !list.some((o) => o !== s && s.includes(o))));
}

/**
 * How telling a set is: by its most common string, then by fewer strings. Longer strings are
 * rarer, except for the words every message uses ("you", "will", "cancel"), which count as one
 * character each. A choice between sound sets only: it changes speed, never results.
 */
function score(set: ReadonlySet<string>): number {
  return Math.min(...[...set].map(rarity)) * 1000 - set.size;
}

function rarity(factor: string): number {
  let n = 0;
  for (const part of factor.split(/([\p{L}\p{N}]+)/u))
    n += /^[\p{L}\p{N}]+$/u.test(part)
      ? COMMON_WORDS.has(part)
        ? 1
        : part.length
      : part.length > 0
        ? 0.5
        : 0;
  return n;
}

/** Words nearly every message has: a factor set with one of them is no use (see `usable`). */
const FUNCTION_WORDS = new Set(
  (
    "a an and are as at be been but by can could did do does don for from get go had has have here how i if in " +
    "into is it its just ll me more my no not now of on one only or our out re so some than that the their them " +
    "then there they this to up us ve was we what when which who will with would you your " +
    "och att det är jag du vi inte en ett som på för med har kan ska till av om men så de den dig din ditt er ni " +
    "und die der das den dem des ein eine einen ist sie ich wir nicht zu mit auf für es im an sich auch wie"
  ).split(" "),
);

/** Words most of the bot's messages have, and counted as one letter when choosing sets. */
const COMMON_WORDS = new Set([
  ...FUNCTION_WORDS,
  ..."cancel cancelled cancelling cancellation cancellations leave leaving fee fees charge charges end ends month months contract service bill price deal offer offers".split(
    " ",
  ),
]);

/**
 * The most telling distinct sets, at most MAX_SETS: the best one, and others when their
 * strings are rare, or when they are one or two words (common words together tell more than
 * one; such small sets recur across expressions and are looked for once). A set such as
 * [" "], or a long list of common words, costs more to look for than it saves.
 */
export function best(sets: readonly ReadonlySet<string>[]): readonly ReadonlySet<string>[] {
  const unique = new Map<string, ReadonlySet<string>>();
  for (const set of sets) unique.set([...set].sort().join("\u0000"), set);
  // Of equal sets, later ones first: a phrase is tried only where its first word stands.
  const sorted = [...unique.values()].reverse().sort((a, b) => score(b) - score(a));
  const worthIt = (set: ReadonlySet<string>): boolean =>
    score(set) >= MIN_EXTRA_SCORE || (set.size <= 2 && score(set) >= MIN_WORD_SCORE);
  return sorted.filter((set, i) => i === 0 || worthIt(set)).slice(0, MAX_SETS);
}
