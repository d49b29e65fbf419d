/**
 * The labelled phrase bank the service, reason and postcode-correction rules were tuned on,
 * per language. Its sibling `phraseBank.heldOut.ts` was written only after the rules were
 * frozen and is never tuned on: `servicesAndReasons.test.ts` reports the two separately.
 *
 * Service labels: the kinds meant, in any order; "all" for every kind; `{ allBut: [...] }`
 * for every kind less those kept. Reason labels are `LeavingReason`s.
 */

import type { ServiceKind } from "../../src/domain/customer.js";
import type { LeavingReason } from "../../src/domain/decision.js";
import type { Language } from "../../src/domain/understanding.js";

export type ServicesLabel = ServiceKind[] | "all" | { allBut: ServiceKind[] };
export interface ServicesItem {
  say: string;
  kinds: ServicesLabel;
}
export interface ReasonItem {
  say: string;
  reason: LeavingReason;
}
/** A moving customer's message naming one or two postcodes: which one is the new address. */
export interface PostcodeItem {
  say: string;
  postcode: string;
  corrects: boolean;
}
export interface Bank {
  services: Record<Language, ServicesItem[]>;
  reasons: Record<Language, ReasonItem[]>;
  postcodes: Record<Language, PostcodeItem[]>;
}

export const tuned: Bank = {
  services: {
    en: [
      { say: "Cancel everything. TV, internet and the phone line.", kinds: ["tv", "broadband", "landline"] },
      { say: "I want to cancel everything", kinds: "all" },
      { say: "cancel all of it please", kinds: "all" },
      { say: "Just get rid of the lot, I want to cancel", kinds: "all" },
      { say: "I'd like to cancel both", kinds: "all" },
      { say: "Please cancel my broadband and TV", kinds: ["broadband", "tv"] },
      { say: "I want to end the TV, the broadband and the landline", kinds: ["tv", "broadband", "landline"] },
      { say: "cancel tv, internet & phone", kinds: ["tv", "broadband", "landline"] },
      { say: "I want to cancel everything except the mobile", kinds: { allBut: ["mobile"] } },
      { say: "Keep the mobile, cancel the rest", kinds: { allBut: ["mobile"] } },
      {
        say: "I want to cancel the wifi and the home phone but keep my TV",
        kinds: ["broadband", "landline"],
      },
      { say: "Cancel all my services please", kinds: "all" },
      { say: "I want to cancel, everything is broken", kinds: [] },
      { say: "Please terminate my mobile contract", kinds: ["mobile"] },
      { say: "Cancel the phone line and the broadband", kinds: ["landline", "broadband"] },
    ],
    de: [
      { say: "Alles kündigen. Fernsehen, Internet und Festnetz.", kinds: ["tv", "broadband", "landline"] },
      { say: "Ich möchte alles kündigen", kinds: "all" },
      { say: "Ich will beides kündigen", kinds: "all" },
      { say: "Kündigen Sie bitte Internet, Telefon und Fernsehen", kinds: ["broadband", "landline", "tv"] },
      { say: "Ich kündige alles außer dem Handy", kinds: { allBut: ["mobile"] } },
      { say: "Bitte DSL und TV kündigen", kinds: ["broadband", "tv"] },
      { say: "Ich möchte meinen Handyvertrag kündigen", kinds: ["mobile"] },
      { say: "Alle meine Verträge kündigen bitte", kinds: "all" },
      { say: "Ich will kündigen, alles funktioniert nicht", kinds: [] },
      { say: "Festnetz und Internet kündigen, das Fernsehen behalte ich", kinds: ["landline", "broadband"] },
    ],
    sv: [
      { say: "Säg upp allt. TV, bredband och fast telefoni.", kinds: ["tv", "broadband", "landline"] },
      { say: "Jag vill säga upp allt", kinds: "all" },
      { say: "Jag vill säga upp alltihop", kinds: "all" },
      { say: "Jag vill säga upp bredband, tv och telefoni", kinds: ["broadband", "tv", "landline"] },
      { say: "Säg upp allt utom mobilen", kinds: { allBut: ["mobile"] } },
      { say: "Jag vill avsluta bredbandet och tv:n", kinds: ["broadband", "tv"] },
      { say: "Avsluta mitt mobilabonnemang", kinds: ["mobile"] },
      { say: "Jag vill säga upp båda", kinds: "all" },
      { say: "Jag vill säga upp, allt är dåligt", kinds: [] },
      { say: "Säg upp tv och bredband men behåll mobilen", kinds: ["tv", "broadband"] },
    ],
  },
  reasons: {
    en: [
      { say: "nothing has gone right since I joined", reason: "service_problems" },
      { say: "you put my price up", reason: "price" },
      { say: "my bill went up again", reason: "price" },
      { say: "the price keeps going up", reason: "price" },
      { say: "it's too expensive", reason: "price" },
      { say: "I can get it cheaper elsewhere", reason: "price" },
      { say: "you raised the price twice this year", reason: "price" },
      { say: "the monthly cost has doubled", reason: "price" },
      { say: "I'm paying way too much for it", reason: "price" },
      { say: "the internet keeps dropping", reason: "service_problems" },
      { say: "it never works", reason: "service_problems" },
      { say: "the speed is awful", reason: "service_problems" },
      { say: "I've had nothing but problems", reason: "service_problems" },
      { say: "the engineer never turned up", reason: "service_problems" },
      { say: "it's been one problem after another", reason: "service_problems" },
      { say: "your customer service is a joke", reason: "service_problems" },
      { say: "it's been a nightmare from day one", reason: "service_problems" },
      { say: "we're moving house", reason: "moving" },
      { say: "we have bought a house in Leeds", reason: "moving" },
      { say: "I'm relocating for work", reason: "moving" },
      { say: "I'm going to Sky", reason: "switching_provider" },
      { say: "found a better deal with BT", reason: "switching_provider" },
      { say: "my husband passed away", reason: "bereavement" },
      { say: "I lost my job", reason: "money_trouble" },
      { say: "I can't afford it any more", reason: "money_trouble" },
      { say: "I regret signing up", reason: "changed_mind" },
      { say: "I don't use it any more", reason: "other" },
      { say: "because I don't need it", reason: "other" },
      { say: "I just don't want it anymore", reason: "other" },
    ],
    de: [
      { say: "Ihr habt den Preis erhöht", reason: "price" },
      { say: "Es ist mir zu teuer geworden", reason: "price" },
      { say: "Die Rechnung ist schon wieder gestiegen", reason: "price" },
      { say: "Woanders ist es billiger", reason: "price" },
      { say: "Seit ich Kunde bin, läuft nichts rund", reason: "service_problems" },
      { say: "Das Internet fällt ständig aus", reason: "service_problems" },
      { say: "Nichts funktioniert", reason: "service_problems" },
      { say: "Der Service ist katastrophal", reason: "service_problems" },
      { say: "Ich habe nur Ärger mit euch", reason: "service_problems" },
      { say: "Wir ziehen nach München", reason: "moving" },
      { say: "Ich wechsle zur Telekom", reason: "switching_provider" },
      { say: "Mein Mann ist verstorben", reason: "bereavement" },
      { say: "Ich habe meinen Job verloren", reason: "money_trouble" },
      { say: "Ich brauche es nicht mehr", reason: "other" },
      { say: "weil ich es kaum nutze", reason: "other" },
    ],
    sv: [
      { say: "Ni har höjt priset", reason: "price" },
      { say: "Det är för dyrt", reason: "price" },
      { say: "Räkningen har gått upp igen", reason: "price" },
      { say: "Jag hittade billigare", reason: "price" },
      { say: "Inget har fungerat sedan jag gick med", reason: "service_problems" },
      { say: "Internet går ner hela tiden", reason: "service_problems" },
      { say: "Teknikern kom aldrig", reason: "service_problems" },
      { say: "Det strular jämt", reason: "service_problems" },
      { say: "Vi flyttar till Göteborg", reason: "moving" },
      { say: "Jag byter till Telia", reason: "switching_provider" },
      { say: "Min man har gått bort", reason: "bereavement" },
      { say: "Jag har förlorat jobbet", reason: "money_trouble" },
      { say: "Jag använder det inte", reason: "other" },
      { say: "eftersom jag inte behöver det längre", reason: "other" },
    ],
  },
  postcodes: {
    en: [
      { say: "we are moving to SW1A 1AA, not N1 9GU", postcode: "SW1A 1AA", corrects: true },
      { say: "Sorry, not N1 9GU but SW1A 1AA", postcode: "SW1A 1AA", corrects: true },
      { say: "we're moving to LS1 4AP", postcode: "LS1 4AP", corrects: false },
      { say: "Sorry, I meant M1 1AE", postcode: "M1 1AE", corrects: true },
      { say: "we're moving from N1 9GU to LS1 4AP", postcode: "LS1 4AP", corrects: false },
    ],
    de: [
      { say: "Wir ziehen nach 80331, nicht nach 10115", postcode: "80331", corrects: true },
      { say: "Nicht 10115, sondern 80331", postcode: "80331", corrects: true },
      { say: "Entschuldigung, ich meinte 80331", postcode: "80331", corrects: true },
    ],
    sv: [
      { say: "Vi flyttar till 411 01, inte 169 57", postcode: "411 01", corrects: true },
      { say: "Inte 169 57 utan 411 01", postcode: "411 01", corrects: true },
      { say: "Förlåt, jag menade 411 01", postcode: "411 01", corrects: true },
    ],
  },
};
