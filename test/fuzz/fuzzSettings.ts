/**
 * Settings every fuzz test shares: a fixed seed (so a failure is the same failure on every
 * machine; fast-check prints the seed and the path of the failing case) and a bounded number of
 * runs. FUZZ_SEED and FUZZ_RUNS override both, e.g. to explore more:
 *   FUZZ_SEED=$RANDOM FUZZ_RUNS=5000 npx vitest run test/fuzz/activity.fuzz.test.ts
 */
import type { Parameters } from "fast-check";

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 180_018);

/**
 * fast-check parameters: the fixed seed and `runs` runs (FUZZ_RUNS overrides). `shrink: false`
 * reports the first failing case as found (for properties over a real server, where shrinking
 * would replay hundreds of requests).
 */
export function fuzzParameters<T>(runs: number, options: { shrink?: boolean } = {}): Parameters<T> {
  return {
    seed: FUZZ_SEED,
    numRuns: Number(process.env.FUZZ_RUNS ?? runs),
    endOnFailure: options.shrink === false,
  };
}
