/**
 * The services a customer names ("my broadband and TV", "bredband", "Festnetz"), in the
 * order named. A service that is negated or kept ("not the TV", "keep the mobile") is not
 * named for cancelling.
 *
 * "Everything" ("cancel everything", "all of them", "allt", "alles"; "both" when the bot asked
 * which services) names no kind: `kinds` is then undefined and `everything` true, and the
 * caller records a wish to cancel. An absent list means all active services to the policy.
 */
import type { ServiceKind } from "../../domain/customer.js";
import { lexicon, NAMED_SERVICE_KINDS } from "./compiledLexicon.js";
import type { Message } from "./message.js";
import { isNegated } from "./negation.js";
import type { Expectation } from "./understanding.js";

const KEEPING = new Set([
  "keep",
  "keeping",
  "except",
  "besides",
  "behålla",
  "behåller",
  "behåll",
  "utom",
  "behalten",
  "behalte",
  "außer",
  "ausser",
]);

export interface NamedServices {
  kinds?: ServiceKind[];
  /** "Everything": all services. */
  everything: boolean;
  /** Said in a phrase ("cancel everything") rather than a one-word answer ("all"). */
  everythingPhrase: boolean;
}

export function detectServices(message: Message, expecting: Expectation): NamedServices {
  const text = message.text;
  const everythingPhrase = lexicon.everything.test(message);
  const everythingWord =
    (expecting === "services" || expecting === "anything") && lexicon.everythingWhole.test(message);
  if (everythingPhrase || everythingWord) return { everything: true, everythingPhrase };

  const found: { kind: ServiceKind; at: number }[] = [];
  for (const kind of NAMED_SERVICE_KINDS) {
    const hit = lexicon.serviceKind[kind].find(
      message,
      (h) => !isNegated(text, h, { window: 2, extra: KEEPING }),
    );
    if (hit) found.push({ kind, at: hit.start });
  }
  if (found.length === 0) return { everything: false, everythingPhrase: false };
  return {
    kinds: found.sort((a, b) => a.at - b.at).map((f) => f.kind),
    everything: false,
    everythingPhrase: false,
  };
}
