/**
 * Differential guard for the speech checker: `checkSpeech` (speech patterns and the learned
 * model on) over every text of the tone development set, the utterance corpus and the bot's
 * own catalogs must report exactly the findings saved in
 * test/fixtures/assist/speech-findings.snapshot.json. A speed-up of the matcher must not change
 * one finding; a change of the rules or the model that does is a conscious snapshot update:
 *
 *     UPDATE_SPEECH_SNAPSHOT=1 npx vitest run test/guardrails/speechMatchSameFindings.test.ts
 *
 * The snapshot keeps, per text, each finding's rule and span (readable in a diff) and a digest
 * of the findings in full (messages and alternatives too), so the file stays small.
 * `SPEECH_FINDINGS_OUT=/tmp/x.json` also writes this run's findings in full, to diff by hand.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { de } from "../../src/bot/words/de.js";
import { en } from "../../src/bot/words/en.js";
import { sv } from "../../src/bot/words/sv.js";
import { checkSpeech, type Finding, type SpeechContext } from "../../src/guardrails/index.js";
import { defaultTone, repoFile } from "../policies/utterance/support.js";
import { defaultSpeechModel, readToneSet } from "../support/toneScore.js";

const SNAPSHOT = repoFile("test/fixtures/assist/speech-findings.snapshot.json");

interface Case {
  source: string;
  text: string;
  lang: string;
  speaker: SpeechContext["speaker"];
}

/** Every string of a catalog (nested objects too; the worded functions are left out). */
function catalogStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (value && typeof value === "object") for (const v of Object.values(value)) catalogStrings(v, out);
  return out;
}

const Utterance = (x: unknown) => x as { id: string; lang?: string; speaker?: string; text: string };

function cases(): Case[] {
  const out: Case[] = [];
  for (const [n, i] of readToneSet(repoFile("test/fixtures/assist/agent-tone-dev.yaml")).entries())
    out.push({ source: `agent-tone-dev#${n}`, text: i.text, lang: i.lang, speaker: "agent" });
  const corpus = parse(readFileSync(repoFile("test/fixtures/utterances.yaml"), "utf8")) as Record<
    string,
    unknown[]
  >;
  for (const section of ["development", "heldOut"])
    for (const u of (corpus[section] ?? []).map(Utterance)) {
      const lang = u.lang ?? "en";
      out.push({ source: `utterances#${u.id}`, text: u.text, lang, speaker: "agent" });
      if (u.speaker !== "agent")
        out.push({ source: `utterances#${u.id}`, text: u.text, lang, speaker: "bot" });
    }
  for (const [lang, words] of Object.entries({ en, de, sv }))
    for (const [n, text] of catalogStrings(words).entries())
      if (text.trim().length > 0) out.push({ source: `words.${lang}#${n}`, text, lang, speaker: "agent" });
  return out;
}

/** The findings of every case, with the language given and (the every-language path) without. */
function speechFindingsOfAll(): { cases: number; results: unknown[] } {
  const tone = defaultTone();
  const speechModel = defaultSpeechModel();
  const all = cases();
  const results = all.map((c) => {
    const withLang: Finding[] = checkSpeech({ tone, speechModel }, c.text, {
      speaker: c.speaker,
      lang: c.lang,
    });
    const anyLang: Finding[] = checkSpeech({ tone, speechModel }, c.text, { speaker: c.speaker });
    return { source: c.source, speaker: c.speaker, lang: c.lang, text: c.text, withLang, anyLang };
  });
  return { cases: all.length, results };
}

const brief = (fs: readonly Finding[]): string[] =>
  fs.map((f) => `${f.ruleId} ${f.span.start}-${f.span.end}`);
const digest = (x: unknown): string =>
  createHash("sha256").update(JSON.stringify(x)).digest("hex").slice(0, 16);

/** One line per text: where it comes from, its findings in brief and the digest of them in full. */
function snapshotOf(full: ReturnType<typeof speechFindingsOfAll>): string {
  const lines = full.results.map((r) => {
    const { source, speaker, withLang, anyLang } = r as { source: string; speaker: string } & Record<
      "withLang" | "anyLang",
      Finding[]
    >;
    return JSON.stringify({
      source,
      speaker,
      found: brief(withLang),
      anyLang: brief(anyLang),
      digest: digest([withLang, anyLang]),
    });
  });
  return `[\n${lines.join(",\n")}\n]\n`;
}

describe("checkSpeech reports the saved findings", () => {
  it("finds exactly what the snapshot holds, text by text", () => {
    const full = speechFindingsOfAll();
    if (process.env.SPEECH_FINDINGS_OUT)
      writeFileSync(process.env.SPEECH_FINDINGS_OUT, `${JSON.stringify(full, null, 1)}\n`);
    const found = snapshotOf(full);
    if (process.env.UPDATE_SPEECH_SNAPSHOT === "1") writeFileSync(SNAPSHOT, found);
    const saved = JSON.parse(readFileSync(SNAPSHOT, "utf8")) as unknown[];
    const now = JSON.parse(found) as unknown[];
    expect(now.length).toBe(saved.length);
    // Text by text, so a failure names the utterance whose findings changed.
    for (const [i, r] of now.entries()) expect(r).toEqual(saved[i]);
    expect(found).toBe(readFileSync(SNAPSHOT, "utf8"));
    expect(full.cases).toBeGreaterThan(1000);
  });
});
