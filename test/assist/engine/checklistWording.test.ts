/**
 * The checklist matcher on free wording, measured. Two labelled lists of agent utterances:
 * - checklist-wording-dev.yaml: the matcher was improved against it (figures are optimistic);
 * - checklist-wording-dev2.yaml: the first held-out set (measured untouched: precision 0.882,
 *   recall 0.857), then used to improve the matcher, so now a dev set;
 * - checklist-wording.yaml: held out, written after the matcher was frozen the second time,
 *   never tuned on (measured: precision 0.958, recall 0.932).
 * A wrong tick (an obligation marked told when it was not) costs a customer a disclosure, so
 * precision must stay >= 0.95; recall is reported.
 */
import { describe, expect, it } from "vitest";
import { byLanguage, readLabelled, score, summary } from "./wordingScore.js";

const report = (name: string, list: ReturnType<typeof readLabelled>) => {
  const all = score(list);
  const lines = [`${name}: ${summary(all)}`];
  for (const [lang, s] of Object.entries(byLanguage(list))) lines.push(`  ${lang}: ${summary(s)}`);
  for (const m of all.mistakes) lines.push(`    ${m}`);
  console.log(lines.join("\n"));
  return all;
};

describe("the checklist matcher on free wording", () => {
  it("held out (written after the matcher was frozen): precision >= 0.95", () => {
    const list = readLabelled("checklist-wording.yaml");
    expect(list.filter((i) => i.lang === "en").length).toBeGreaterThanOrEqual(80);
    expect(list.filter((i) => i.lang === "de").length).toBeGreaterThanOrEqual(20);
    expect(list.filter((i) => i.lang === "sv").length).toBeGreaterThanOrEqual(20);
    const s = report("held-out", list);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
  });

  it.each(["checklist-wording-dev.yaml", "checklist-wording-dev2.yaml"])(
    "dev %s (the matcher was improved against it): precision >= 0.95",
    (file) => {
      const s = report(file, readLabelled(file));
      expect(s.precision).toBeGreaterThanOrEqual(0.95);
    },
  );
});
