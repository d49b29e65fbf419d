/**
 * German: how agents of German customers say it ("Die Entsperrung ist kostenlos", "Ihre
 * Lastschrift zieht die Schlussrechnung ein"). The negation often follows the verb ("wir
 * entsperren das Handy nicht"), so a negator anywhere in a sentence withholds it, unless it
 * states a benefit ("keine Gebühr", "Sie müssen nichts tun"). See `types.ts`.
 */
import type { AssistWording } from "./types.js";
import { anyOf, rx } from "./unicodeRegex.js";

const MONTH = String.raw`(?:jan|feb|mär|märz|apr|mai|jun|jul|aug|sep|okt|nov|dez)\w*`;
const EURO = String.raw`€\s?\d|\d(?:[.,]\d+)?\s?(?:€|EUR|euro)\b`;

const concepts: Record<string, readonly RegExp[]> = {
  device_unlock: [
    anyOf(
      String.raw`\bentsperr\w*`,
      String.raw`\bfreischalt\w*`,
      String.raw`\bsim-?lock\w*`,
      String.raw`\bnetzsperre\w*`,
      String.raw`\b(?:an|für) unser(?:em)? netz gesperrt\b`,
      String.raw`\bnetzgebunden\w*`,
    ),
    anyOf(
      String.raw`\bkostenlos\w*`,
      String.raw`\bgratis\b`,
      String.raw`\bumsonst\b`,
      String.raw`\bohne (?:\w+ )?(?:kosten|gebühr\w*)`,
      String.raw`\bkein\w* (?:kosten|gebühr\w*)`,
      String.raw`\bkostet (?:sie |das |es )?nichts\b`,
      String.raw`\banleitung\w*`,
      String.raw`\bschritte?\b`,
      String.raw`\bcode\b`,
    ),
  ],
  porting_code: [
    anyOf(
      String.raw`\bportierung\w*`,
      String.raw`\brufnummernmitnahme\w*`,
      String.raw`\bmitnahmecode\w*`,
      String.raw`\bwechselcode\w*`,
      String.raw`\bPAC\b`,
      String.raw`\bSTAC\b`,
    ),
    anyOf(
      String.raw`code\b`,
      String.raw`\bsms\b`,
      String.raw`\bgültig\w*`,
      String.raw`\bbeantrag\w*`,
      String.raw`\banforder\w*`,
      String.raw`\bschick\w*`,
      String.raw`\bsend\w*`,
      String.raw`\bbekommen\b`,
      String.raw`\berhalten\b`,
      String.raw`\bmitnehmen\b`,
    ),
  ],
  payment_mandate: [
    anyOf(
      String.raw`\blastschrift\w*`,
      String.raw`\b\w*mandat\w*`,
      String.raw`\beinzugsermächtigung\w*`,
      String.raw`\bSEPA\b`,
      String.raw`\babbuchung\w*`,
    ),
    anyOf(
      String.raw`\bkündig\w*`,
      String.raw`\bbeend\w*`,
      String.raw`\bstopp\w*`,
      String.raw`\beinstell\w*`,
      String.raw`\bschlussrechnung\w*`,
      String.raw`\bletzte\w* (?:abbuchung|zahlung|rechnung)`,
      String.raw`\beingezogen\b`,
      String.raw`\beinzieh\w*`,
      String.raw`\bzieht\b`,
      String.raw`\babgebucht\b`,
      String.raw`\bbank\b`,
      String.raw`\bendet\b`,
      String.raw`\bläuft aus\b`,
    ),
  ],
  end_date: [
    anyOf(
      String.raw`\bende[nt]?\b`,
      String.raw`\bendet\b`,
      String.raw`\bläuft (?:\w+ )?(?:bis|aus)\b`,
      String.raw`\bausläuft\b`,
      String.raw`\babgeschaltet\b`,
      String.raw`\babschalt\w*`,
      String.raw`\bbeendet\b`,
      String.raw`\bletzte\w* tag\w*`,
      String.raw`\bgekündigt (?:zum|bis)\b`,
      String.raw`\bvertragsende\b`,
      String.raw`\baufhör\w*|\bhört (?:\w+ )?auf\b`,
    ),
    anyOf(
      String.raw`\b\d{1,2}\.\s?(?:\d{1,2}\.(?:\d{2,4})?|${MONTH})`,
      String.raw`\b\d{4}-\d{2}-\d{2}\b`,
      String.raw`\bende (?:des|dieses|nächsten) monats\b`,
      String.raw`\bmonatsende\b`,
      String.raw`\bmorgen\b`,
    ),
  ],
  charges: [
    anyOf(
      String.raw`\bkost\w*`,
      String.raw`\b\w*gebühr\w*`,
      String.raw`\b\w*kosten\b`,
      String.raw`\b(?:be)?zahl\w*`,
      String.raw`\bkostenlos\w*`,
      String.raw`\bgebührenfrei\w*`,
      String.raw`\bumsonst\b`,
      String.raw`\bgratis\b`,
      String.raw`\berlass\w*`,
      String.raw`\bberechn\w*`,
      String.raw`\bentgelt\w*`,
    ),
    anyOf(
      EURO,
      String.raw`\bnichts\b`,
      String.raw`\bkein\w*`,
      String.raw`\bnull\b`,
      String.raw`\bkostenlos\w*`,
      String.raw`\bgratis\b`,
      String.raw`\bumsonst\b`,
      String.raw`\berlass\w*`,
      String.raw`\bgebührenfrei\w*`,
      String.raw`\bnicht an\b`,
      String.raw`\bentf(?:ällt|allen)\b`,
    ),
  ],
  final_bill: [
    anyOf(
      String.raw`\bschlussrechnung\w*`,
      String.raw`\bletzte\w* rechnung\w*`,
      String.raw`\babschlussrechnung\w*`,
      String.raw`\bendabrechnung\w*`,
      String.raw`\bschlussabrechnung\w*`,
    ),
    anyOf(
      EURO,
      String.raw`\bnichts (?:für|zu (?:be)?zahlen|extra)\b`,
      String.raw`\bnormale\w* (?:gebühren|kosten|entgelte|monatsgebühr\w*)`,
      String.raw`\bbis zum (?:ende|vertragsende|enddatum|letzten tag)\b`,
      String.raw`\bfür die kündigung\b`,
      String.raw`\bkein\w* (?:\w+)?(?:gebühr|kosten)\w*`,
    ),
  ],
  final_bill_disputes: [
    anyOf(
      String.raw`\breklamation\w*`,
      String.raw`\bbeanstand\w*`,
      String.raw`\bstrittig\w*`,
      String.raw`\beinspruch\w*`,
      String.raw`\bzu viel berechnet\b`,
      String.raw`\bfalsch berechnet\b`,
      String.raw`\bstreitfall\w*`,
      String.raw`\bbeschwerde\w*`,
    ),
    anyOf(
      String.raw`\bgutschrift\w*`,
      String.raw`\bgutgeschrieben\b`,
      String.raw`\berstatt\w*`,
      String.raw`\bzu ihren gunsten\b`,
      String.raw`\brückzahlung\w*`,
      String.raw`\bzahlen (?:\w+ )?zurück\b`,
    ),
  ],
  financed_device_balance: [
    anyOf(
      String.raw`\brestbetrag\w*`,
      String.raw`\braten\w*`,
      String.raw`\bfinanzier\w*`,
      String.raw`\boffene\w* betrag\w*`,
      String.raw`\bgeräteplan\w*`,
      String.raw`\brestschuld\w*`,
    ),
    anyOf(
      String.raw`\bweiter\w*`,
      String.raw`\bwie vereinbart\b`,
      String.raw`\bbleibt\b`,
      String.raw`\bbehalten\b`,
      String.raw`\bmonatlich\w*`,
      String.raw`\bpro monat\b`,
      String.raw`\bim monat\b`,
      String.raw`\bnicht (?:fällig|gekündigt|beendet)\b`,
    ),
  ],
  missed_promotion: [
    anyOf(
      String.raw`\baktion\w*`,
      String.raw`\brabatt\w*`,
      String.raw`\bpromo\w*`,
      String.raw`\bWELCOME\d+`,
      String.raw`\bneukundenangebot\w*`,
    ),
    anyOf(
      String.raw`\bgutschrift\w*`,
      String.raw`\bgutgeschrieben\b`,
      String.raw`\berstatt\w*`,
      String.raw`\b(?:nie|nicht) (?:\w+ )?(?:angewendet|abgezogen|berücksichtigt|verrechnet)\b`,
      String.raw`\bzurück\w*`,
    ),
  ],
  equipment_return: [
    anyOf(
      String.raw`\bzurück(?:schick|send|geb)\w*`,
      String.raw`\b(?:schick|send|geb)\w*\b.{0,50}?\bzurück\b`,
      String.raw`\brücksend\w*`,
      String.raw`\brückgabe\w*`,
      String.raw`\bretour\w*`,
    ),
    anyOf(
      String.raw`\brouter\w*`,
      String.raw`\b\w*box\b`,
      String.raw`\bfritz\w*`,
      String.raw`\b\w*gerät\w*`,
      String.raw`\breceiver\w*`,
      String.raw`\bmodem\w*`,
      String.raw`\bhardware\b`,
      String.raw`\b\w*etikett\w*`,
      String.raw`\bpaketschein\w*`,
    ),
  ],
  data_export: [
    anyOf(
      String.raw`\bherunterlad\w*`,
      String.raw`\bherunterzuladen\b`,
      String.raw`\bdownload\w*`,
      String.raw`\bexport\w*`,
      String.raw`\bkopie\w*`,
      String.raw`\bsichern\b`,
      String.raw`\bspeichern\b`,
      String.raw`\blad\w* (?:\w+ ){0,4}herunter\b`,
    ),
    anyOf(
      String.raw`\brechnung\w*`,
      String.raw`\b\w*daten\b`,
      String.raw`\bkonto\w*`,
      String.raw`\bunterlagen\b`,
    ),
  ],
  service_stop_notice: [
    anyOf(
      String.raw`\bnachricht\w*`,
      String.raw`\bbenachrichtig\w*`,
      String.raw`\bsms\b`,
      String.raw`\berinner\w*`,
      String.raw`\be-?mail\w*`,
      String.raw`\binformier\w*`,
      String.raw`\bschreiben\b`,
      String.raw`\bmelden\b`,
    ),
    anyOf(
      String.raw`\btag (?:davor|vorher|zuvor)\b`,
      String.raw`\bvortag\b`,
      String.raw`\bstunde (?:davor|vorher|zuvor)\b`,
      String.raw`\bbevor (?:\w+ ){0,4}(?:endet|abgeschaltet wird|aufhört|ausläuft)\b`,
    ),
  ],
  receipt: [
    anyOf(
      String.raw`\b\w*bestätigung\w*`,
      String.raw`\bbestätig\w*`,
      String.raw`\bquittung\w*`,
      String.raw`\bschriftlich\w*`,
    ),
    anyOf(
      String.raw`\be-?mail\w*`,
      String.raw`\bmail\b`,
      String.raw`\bschick\w*`,
      String.raw`\bsend\w*`,
      String.raw`\bpost\b`,
      String.raw`\bschriftlich\w*`,
      String.raw`\bpdf\b`,
      String.raw`\bdauerhaft\w* datenträger\w*`,
      String.raw`\bbrief\w*`,
    ),
  ],
  // The statement is the negation: "Wir kontaktieren Sie nach Ihrem Wechsel nicht mit Angeboten."
  alumni_consent: [
    anyOf(
      String.raw`\b(?:nicht|nie|niemals|keine)\b(?:.{0,40})\b(?:angebot\w*|werbung|werbeanruf\w*|marketing)`,
      String.raw`\b(?:angebot\w*|werbung|marketing)\b(?:.{0,40})\b(?:nicht|nie|niemals)\b`,
      String.raw`\bkeine (?:\w+ )?(?:angebote|werbung|anrufe)\b`,
    ),
    anyOf(
      String.raw`\bnach (?:ihrem|dem|ihrer) (?:auszug|wechsel|weggang|vertragsende|austritt|abschied|kündigung)\b`,
      String.raw`\bnachdem sie\b`,
      String.raw`\bwenn sie (?:\w+ )?(?:weg|gegangen|gewechselt|gekündigt)\w*`,
      String.raw`\b(?:zu)?künftig\b`,
      String.raw`\bnach dem ende\b`,
    ),
  ],
  door_open: [
    anyOf(
      String.raw`\bwillkommen zurück\b`,
      String.raw`\b(?:jederzeit|immer) (?:wieder )?willkommen\b`,
      String.raw`\bzurückkommen\b`,
      String.raw`\bzurückzukommen\b`,
      String.raw`\bwiederkommen\b`,
      String.raw`\btür (?:steht|bleibt) (?:ihnen )?(?:immer )?offen\b`,
      String.raw`\bimmer für sie da\b`,
    ),
  ],
  end_of_contract: [
    anyOf(
      String.raw`\bmindestlaufzeit\w*`,
      String.raw`\bvertragslaufzeit\w*`,
      String.raw`\blaufzeit (?:endet|läuft)\b`,
      String.raw`\bvertrag (?:endet|läuft aus)\b`,
    ),
    anyOf(
      String.raw`\bohne (?:\w+ )?(?:gebühr\w*|kosten)\b`,
      String.raw`\bgebührenfrei\w*`,
      String.raw`\bkostenlos\w*`,
      String.raw`\bnichts (?:zu )?(?:zahlen|bezahlen)\b`,
      String.raw`\bkein\w* (?:\w+)?gebühr\w*`,
    ),
  ],
  withdrawal_function: [
    anyOf(
      String.raw`\bwiderruf\w*`,
      String.raw`\b14 tage\w*`,
      String.raw`\bvierzehn tage\w*`,
      String.raw`\brücktritt\w*`,
    ),
  ],
  // "Nichts wird gekündigt, bevor Sie bestätigen."
  confirm_step: [
    anyOf(
      String.raw`\bbestätig\w*`,
      String.raw`\bja sagen\b`,
      String.raw`\bdrücken\b`,
      String.raw`\bklicken\b`,
    ),
    anyOf(
      String.raw`\bnichts (?:wird|ist) (?:\w+ )?gekündigt\b`,
      String.raw`\berst (?:wenn|nachdem|dann)\b`,
      String.raw`\bschritt 2\b`,
      String.raw`\bzweite\w* schritt\w*`,
      String.raw`\bnur wenn sie\b`,
      String.raw`\bbevor sie\b`,
    ),
  ],
  cancellation_fields: [
    anyOf(
      String.raw`\bnotier\w*`,
      String.raw`\berfass\w*`,
      String.raw`\bvermerk\w*`,
      String.raw`\bhalte\w* (?:\w+ ){0,3}fest\b`,
      String.raw`\bnehme\w* (?:\w+ ){0,3}auf\b`,
      String.raw`\bspeicher\w*`,
      String.raw`\bdokumentier\w*`,
    ),
    anyOf(
      String.raw`\bkündigung\w*`,
      String.raw`\bkundennummer\w*`,
      String.raw`\bvertragsnummer\w*`,
      String.raw`\benddatum\b`,
      String.raw`\bkündigungsart\b`,
      String.raw`\bordentlich\w*`,
      String.raw`\baußerordentlich\w*`,
    ),
  ],
  same_medium: [
    rx(String.raw`\bkündig\w*`),
    anyOf(
      String.raw`\bonline\b`,
      String.raw`\bhier (?:am telefon|im gespräch|direkt)\b`,
      String.raw`\bdirekt hier\b`,
      String.raw`\bin diesem (?:gespräch|anruf|telefonat)\b`,
      String.raw`\bauf dem (?:gleichen|selben) weg\b`,
      String.raw`\btelefonisch\b`,
    ),
  ],
  cancel_alongside_offer: [
    rx(String.raw`\bangebot\w*`),
    anyOf(
      String.raw`\b(?:ein )?nein (?:reicht|genügt)\b`,
      String.raw`\bnein sagen\b`,
      String.raw`\btrotzdem kündigen\b`,
      String.raw`\bdaneben\b`,
      String.raw`\bneben\b`,
      String.raw`\bweiterhin kündigen\b`,
    ),
  ],
};

const QUESTION = rx(
  String.raw`\?\s*$|^\s*(?:(?:also|und|gut|okay|ok|so|nun|dann),?\s+)?(?:möchten|wollen|soll|sollen|können|kann|darf|dürfen|haben|hat|wissen|brauchen|ist|sind|gibt|wünschen|würden|werden|wäre|hätten|interessiert|interessieren)\s+(?:sie|ich|wir|es|das|ihnen|man|dich|du)\b(?![^,?]*,\s*(?:dann\s+)?\w+\s+(?:sie|wir|ich)\b)`,
);
/** "Dazu kann ich Ihnen nichts sagen", "Die Details schicke ich Ihnen später". */
const WITHHOLD = anyOf(
  String.raw`\b(?:kann|darf|werde|will|möchte|können|dürfen|werden)\b(?:.{0,40})\b(?:nicht|nichts|keine\w*)\b(?:.{0,30})\b(?:sagen|erklären|erzählen|besprechen|eingehen|geben|schicken|senden|mitteilen|anbieten|machen|helfen)\b`,
  String.raw`\bkeine zeit\b`,
  String.raw`\bspäter\b`,
  String.raw`\bglaube ich\b|\bprüfe ich\b|\bvielleicht\b|\bwahrscheinlich\b|\bich bin (?:mir )?nicht sicher\b`,
  String.raw`\bein andermal\b`,
  String.raw`\bmelde\w* (?:mich|uns)\b`,
  String.raw`\b(?:schick|send|mail)\w* (?:\w+ ){0,3}(?:die |alle |weitere )?(?:details|informationen|infos|einzelheiten)\b`,
);
const NEGATED = rx(String.raw`\b(?:nicht|kein\w*|nie|niemals|ohne)\b`);
const BENEFIT = anyOf(
  String.raw`\bkein\w* (?:\w+)?(?:gebühr|kosten|entgelt)\w*`,
  String.raw`\bkein\w* (?:\w+ )?(?:gebühr|kosten|entgelt)\w*`,
  String.raw`\bohne (?:\w+ )?(?:kosten|gebühr\w*|aufpreis|entgelt)`,
  String.raw`\bnichts (?:zu )?(?:zahlen|bezahlen)\b`,
  String.raw`\b(?:zahlen|bezahlen) (?:sie )?(?:\w+ ){0,2}nichts\b`,
  String.raw`\bkostet (?:sie |das |es |ihnen )?(?:\w+ )?nichts\b`,
  String.raw`\bnichts kosten\b`,
  String.raw`\b(?:müssen|brauchen)\b.{0,40}\b(?:nicht|nichts)\b.{0,20}\b(?:tun|zahlen|bezahlen|kündigen|kontaktieren|unternehmen|machen)\b`,
  String.raw`\b(?:fällt|fallen)\b.{0,30}\b(?:nicht|keine?) an\b`,
  String.raw`\bnichts für\b`,
  String.raw`\bnicht (?:selbst|extra)\b`,
  String.raw`\b(?:nie|nicht) (?:\w+ )?(?:angewendet|abgezogen|berücksichtigt|verrechnet)\b`,
  String.raw`\bnichts (?:wird|ist) (?:\w+ )?gekündigt\b`,
  String.raw`\bnicht (?:fällig|gekündigt|beendet)\b`,
);

/** Words of other topics that mention money or an end: the charges and the end date need their own words then. */
const GUARDS = {
  charges: {
    when: rx(
      String.raw`\bentsperr\w*|\b\w*etikett\w*|\bzurück\w*|\brücksend\w*|\bschlussrechnung\w*|\bletzte\w* rechnung\w*|\brestbetrag\w*|\braten\w*|\bmindestlaufzeit\w*`,
    ),
    need: rx(String.raw`\bkündig\w*|\bbeend\w*|\bausstieg\w*|\bwechsel\w*|\bvorzeitig\w*|\bablöse\w*`),
  },
  end_date: { when: rx(String.raw`\bmindestlaufzeit\w*|\baktion\w*|\brabatt\w*`), need: /(?!)/ },
};

const serviceKinds: Record<string, RegExp> = {
  broadband: rx(String.raw`\b(?:internet|breitband|dsl|glasfaser|wlan|router|fritz\w*)\b`),
  tv: rx(String.raw`\b(?:tv|fernseh\w*|sender|receiver|box)\b`),
  mobile: rx(String.raw`\b(?:mobil\w*|handy|smartphone|sim|telefon|tarif)\b`),
  landline: rx(String.raw`\b(?:festnetz\w*|telefonanschluss|anschluss)\b`),
  subscription: rx(String.raw`\b(?:abo\w*|mitgliedschaft|streaming)\b`),
};

const CONFIRMATION = [
  rx(
    String.raw`\b(?:ich|wir) (?:habe|haben) (?:\w+ ){0,4}(?:gekündigt|storniert|beendet|abgeschlossen|eingereicht)\b`,
  ),
  rx(
    String.raw`\b(?:das|es|alles|ihr|ihre|der|die|beide)\b(?:\s+\w+){0,3} (?:ist|sind) (?:jetzt |nun |damit |somit )?(?:gekündigt|storniert|beendet|erledigt)\b`,
  ),
  rx(
    String.raw`\b(?:die )?kündigung (?:ist|wurde) (?:jetzt |nun |damit )?(?:durch|erledigt|abgeschlossen|bestätigt|eingereicht|aufgenommen|bearbeitet)\b`,
  ),
  rx(
    String.raw`\b(?:ich|wir) (?:kündige|kündigen|storniere|stornieren) (?:\w+ ){0,4}(?:jetzt|sofort|gleich|nun|für sie)\b`,
  ),
  rx(
    String.raw`\b(?:kündige|storniere|beende) (?:ich|wir) (?:\w+ ){0,4}(?:jetzt|sofort|gleich|nun|für sie)\b`,
  ),
  rx(String.raw`\bich (?:werde|kann) (?:\w+ ){0,4}(?:jetzt |sofort |gleich )?(?:kündigen|stornieren)\b`),
];
const ASKING = rx(String.raw`\?\s*$|^\s*(?:soll|sollen|möchten|wollen|darf|kann|können)\s+(?:ich|wir|sie)\b`);
const OFFER = anyOf(
  String.raw`\b(?:ich|wir) (?:kann|können|könnte|könnten|würde|würden)\s+ihnen\s+(?:\w+\s+){0,5}(?:anbieten|geben|machen|schenken)\b`,
  String.raw`\b\w*rabatt\w*`,
  String.raw`\bnachlass\w*`,
  String.raw`\bsonderangebot\w*`,
  String.raw`\btreue\w*`,
  String.raw`\bgutschein\w*`,
  String.raw`\b\d+\s?(?:%|prozent) (?:rabatt|günstiger|weniger|nachlass|billiger)\b`,
  String.raw`\bwas wäre,? wenn\b`,
  String.raw`\bwie wäre es\b`,
  String.raw`\bstatt zu kündigen\b`,
  String.raw`\bbleiben sie (?:doch )?(?:bei uns|kunde)\b`,
  String.raw`\bhalben preis\b`,
  String.raw`\bmonate? gratis\b`,
  String.raw`\bgratismonat\w*`,
);
const NOT_AN_OFFER = anyOf(
  String.raw`\bkein\w* (?:angebot\w*|rabatt\w*|gutschein\w*)`,
  String.raw`\bnichts anbieten\b`,
  String.raw`\bihnen nichts (?:\w+ )?anbieten\b`,
);
const DECLINE = anyOf(
  String.raw`^\s*nein\b`,
  String.raw`\bnein,? danke\b`,
  String.raw`\bkein interesse\b`,
  String.raw`\b(?:einfach|bitte|nur) kündigen\b`,
  String.raw`\bich (?:will|möchte) (?:\w+ ){0,2}kündigen\b`,
  String.raw`\bich (?:habe|hab) mich (?:schon |bereits )?entschieden\b`,
  String.raw`\b(?:brauche|will) ich nicht\b`,
  String.raw`\bich (?:gehe|wechsle|kündige) (?:trotzdem|sowieso|auf jeden fall)\b`,
);

export const de: AssistWording = {
  lang: "de",
  concepts,
  negativeTopics: ["alumni_consent", "confirm_step"],
  guards: GUARDS,
  question: QUESTION,
  withhold: WITHHOLD,
  negatedAnywhere: NEGATED,
  benefit: BENEFIT,
  serviceKinds,
  every: rx(String.raw`\b(?:beide|beides|alle|alles|sämtliche\w*|jede\w*)\b`),
  confirmation: CONFIRMATION,
  asking: ASKING,
  offer: OFFER,
  notAnOffer: NOT_AN_OFFER,
  decline: DECLINE,
  markers: [
    "ich",
    "sie",
    "ihr",
    "ihre",
    "ihnen",
    "wir",
    "ist",
    "sind",
    "nicht",
    "und",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "wird",
    "werden",
    "kein",
    "keine",
    "mit",
    "für",
    "auf",
    "zu",
    "zum",
    "zur",
    "es",
    "bitte",
    "danke",
    "ja",
    "nein",
    "noch",
    "auch",
    "am",
    "dann",
    "wenn",
    "bevor",
    "kostenlos",
    "schicken",
    "möchten",
  ],
};
