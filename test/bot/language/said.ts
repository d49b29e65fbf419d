/**
 * What the bot says, per language, as tests look for it: the bot's own words from its catalogs
 * (src/bot/words) and the pack texts (policies/*.yaml) a test waits for. A test that plays a
 * conversation in German or Swedish asserts on these instead of English.
 */
import { wordsFor } from "../../../src/bot/words/index.js";
import type { Language } from "../../../src/domain/language.js";

const w = (l: Language) => wordsFor(l);

export interface Said {
  found: string;
  sorryForLoss: string;
  review: string;
  confirmQuestion: string;
  offerOrCancel: string;
  offerAccepted: RegExp;
  didNotUnderstand: string;
  askReason: RegExp;
  askNewPostcode: string;
  whichServices: string;
  askKeepNumber: RegExp;
  confirmed: string;
  nothingDue: string;
  /** The receipt line of a service: "TV ends on", "Fernsehen endet am" … */
  serviceEnds: (kind: string) => string;
  // Pack texts (baseline.yaml).
  promise: string;
  bereavementTeam: string;
  passingToPerson: string;
  notOnRecord: string;
}

export const SAID: Record<Language, Said> = {
  en: {
    found: "I've found your account",
    sorryForLoss: "I'm sorry for your loss",
    review: w("en").reviewIntro,
    confirmQuestion: "Shall I go ahead and cancel?",
    offerOrCancel: w("en").offerOrCancel,
    offerAccepted: /recorded that you'd like the offer|nothing has been cancelled/i,
    didNotUnderstand: "didn't quite get that",
    askReason: /why you're leaving/,
    askNewPostcode: "postcode you're moving to",
    whichServices: "Which would you like to end",
    askKeepNumber: /Do you want to keep your number|keep your number/,
    confirmed: "Cancellation confirmed",
    nothingDue: "Total for leaving: nothing.",
    serviceEnds: (kind) => `${w("en").kindName(kind)} ends on`,
    promise: "We keep the promise made to you",
    bereavementTeam: "Our bereavement team will help you",
    passingToPerson: "passing you to a person",
    notOnRecord: "promise we cannot find on record",
  },
  de: {
    found: "Ich habe Ihr Kundenkonto gefunden",
    sorryForLoss: "Mein herzliches Beileid",
    review: w("de").reviewIntro,
    confirmQuestion: "Soll ich jetzt kündigen?",
    offerOrCancel: w("de").offerOrCancel,
    offerAccepted: /dass Sie das Angebot möchten/,
    didNotUnderstand: "nicht ganz verstanden",
    askReason: /warum Sie gehen|Warum gehen Sie/,
    askNewPostcode: "Postleitzahl, an die Sie umziehen",
    whichServices: "Was möchten Sie beenden?",
    askKeepNumber: /Rufnummer.*mitnehmen/,
    confirmed: "Kündigung bestätigt",
    nothingDue: "Insgesamt für die Kündigung: nichts.",
    serviceEnds: (kind) => `${w("de").kindName(kind)} endet am`,
    promise: "Wir halten das Versprechen",
    bereavementTeam: "Unser Team für Trauerfälle hilft Ihnen",
    passingToPerson: "übergebe ich jetzt an einen Menschen",
    notOnRecord: "das wir nicht in unseren Unterlagen finden",
  },
  sv: {
    found: "Jag har hittat ditt konto",
    sorryForLoss: "Jag beklagar sorgen",
    review: w("sv").reviewIntro,
    confirmQuestion: "Ska jag säga upp nu?",
    offerOrCancel: w("sv").offerOrCancel,
    offerAccepted: /att du vill ha erbjudandet/,
    didNotUnderstand: "förstod jag inte riktigt",
    askReason: /varför du avslutar|varför avslutar du/,
    askNewPostcode: "Vilket postnummer flyttar du till",
    whichServices: "Vad vill du avsluta?",
    askKeepNumber: /behålla ditt nummer/,
    confirmed: "Uppsägningen är bekräftad",
    nothingDue: "Totalt för att avsluta: ingenting.",
    serviceEnds: (kind) => `${w("sv").kindName(kind)} upphör`,
    promise: "Vi håller löftet",
    bereavementTeam: "Vårt team för dödsfall hjälper dig",
    passingToPerson: "kopplar dig till en människa",
    notOnRecord: "ett löfte som vi inte hittar hos oss",
  },
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What `pick` gives, in any of the three languages, as one pattern. */
export function inAnyLanguage(pick: (s: Said) => string | RegExp, flags = ""): RegExp {
  const parts = (Object.values(SAID) as Said[]).map((s) => {
    const p = pick(s);
    return typeof p === "string" ? escapeRegExp(p) : p.source;
  });
  return new RegExp(parts.map((p) => `(?:${p})`).join("|"), flags);
}

/** How often `pick` is said in `text`, in any language. */
export function countInAnyLanguage(text: string, pick: (s: Said) => string): number {
  return (Object.values(SAID) as Said[]).reduce((n, s) => n + text.split(pick(s)).length - 1, 0);
}
