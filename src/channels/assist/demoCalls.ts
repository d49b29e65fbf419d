/**
 * A demo call (examples/assist/*.json): a customer from the demo data and the utterances the
 * console's "Replay a demo call" posts, one by one, through POST /api/assist/events.
 */
import { z } from "zod";
import { Speaker } from "../../assist/utterance.js";

export const DemoCall = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, "expected lower-case letters, digits and -"),
  title: z.string().min(1).max(120),
  story: z.string().max(600),
  customerId: z.string().min(1).max(100),
  utterances: z
    .array(z.strictObject({ speaker: Speaker, text: z.string().min(1).max(4000) }))
    .min(1)
    .max(200),
});
export type DemoCall = z.infer<typeof DemoCall>;
