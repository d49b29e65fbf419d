/**
 * Made-up given names for the assist benches: one per number ("Elno", "Saka" …), different for
 * every number, so no two sessions say the same words and no cache of known texts flatters a figure.
 */
const SYLLABLES = [
  "ka",
  "ri",
  "no",
  "el",
  "sa",
  "mi",
  "to",
  "ve",
  "lu",
  "da",
  "an",
  "jo",
  "be",
  "si",
  "ra",
  "po",
];

export function nameOf(i: number): string {
  let n = i + 16;
  let out = "";
  while (n > 0) {
    out += SYLLABLES[n % 16];
    n = Math.floor(n / 16);
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}
