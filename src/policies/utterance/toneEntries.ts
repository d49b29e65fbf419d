/**
 * The smallest parts of a `tone:` section (who speaks, a pattern, an exception, ids and
 * language codes), as zod schemas. `toneSchema.ts` builds the section from them and
 * `compiledTone.ts` reads their types: one file both import, so neither imports the other.
 */
import { z } from "zod";

export const UtteranceSpeaker = z.enum(["bot", "agent"]);
export type UtteranceSpeaker = z.infer<typeof UtteranceSpeaker>;

export const CategoryId = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,63}$/,
    "expected a category id of lower-case letters, digits and _, e.g. confirmshaming",
  );
const PatternId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,79}$/,
    "expected a pattern id of lower-case letters, digits and -, e.g. decline-mocks",
  );
export const Lang = z.string().regex(/^[a-z]{2,3}$/, "expected a language code such as en, sv or de");

export const TonePattern = z.strictObject({
  id: PatternId,
  regex: z.string().min(1).meta({
    description:
      'A JavaScript regular expression in lower case, compiled with flag "u" and run on lower-cased text.',
  }),
  lang: Lang.optional(),
  note: z.string().optional(),
  unless: z.array(z.string().min(1)).optional().meta({
    description: "Regular expressions; a match is ignored when one of them occurs in the same sentence.",
  }),
});

export const ToneException = z
  .strictObject({
    phrase: z.string().min(1).optional(),
    regex: z.string().min(1).optional(),
    scope: z
      .enum(["sentence", "span"])
      .default("sentence")
      .meta({ description: "span: must overlap the match; sentence: anywhere in the same sentence." }),
    note: z.string().optional(),
  })
  .refine((e) => (e.phrase === undefined) !== (e.regex === undefined), "give exactly one of phrase or regex");
