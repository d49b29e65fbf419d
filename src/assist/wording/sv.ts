/**
 * Swedish: how agents of Swedish customers say it ("Vi låser upp telefonen gratis", "Autogirot
 * drar slutfakturan och avslutas sedan"). The negation follows the verb ("vi låser inte upp"),
 * so a negator anywhere in a sentence withholds it, unless it states a benefit ("ingen
 * avgift", "du behöver inte göra något"). See `types.ts`.
 */
import type { AssistWording } from "./types.js";
import { anyOf, rx } from "./unicodeRegex.js";

const MONTH = String.raw`(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\w*`;
const KRONOR = String.raw`\d(?:[ .,]?\d+)*\s?(?:kr|kronor|SEK)\b`;

const concepts: Record<string, readonly RegExp[]> = {
  device_unlock: [
    anyOf(
      String.raw`\blås\w* upp\b`,
      String.raw`\bupplås\w*`,
      String.raw`\blåst\w* (?:till|mot|för|i) (?:vårt|vår|det här) (?:nät|operatör)\w*`,
      String.raw`\b\w*(?:operatörs|sim|nät)lås\w*`,
    ),
    anyOf(
      String.raw`\bgratis\b`,
      String.raw`\bkostnadsfri\w*`,
      String.raw`\butan (?:\w+ )?kostnad\w*`,
      String.raw`\bingen (?:\w+ )?kostnad\w*`,
      String.raw`\bkostar (?:dig |det )?(?:inget|ingenting|inte något)\b`,
      String.raw`\bsteg\w*`,
      String.raw`\binstruktion\w*`,
      String.raw`\bkod\w*`,
    ),
  ],
  porting_code: [
    anyOf(
      String.raw`\bporter\w*`,
      String.raw`\bnummerflytt\w*`,
      String.raw`\b(?:flytta|behålla|ta med) (?:\w+ )?(?:tele)?(?:fon)?nummer\w*`,
      String.raw`\bPAC\b`,
      String.raw`\bSTAC\b`,
    ),
    anyOf(
      String.raw`kod\w*`,
      String.raw`\bsms\b`,
      String.raw`\bbeställ\w*`,
      String.raw`\bbegär\w*`,
      String.raw`\binnan\b`,
      String.raw`\bgiltig\w*`,
      String.raw`\bskicka\w*`,
      String.raw`\bnya operatör\w*`,
    ),
  ],
  payment_mandate: [
    anyOf(
      String.raw`\bautogiro\w*`,
      String.raw`\bmedgivande\w*`,
      String.raw`\bavtalsgiro\w*`,
      String.raw`\bdirektdebitering\w*`,
      String.raw`\bdragning\w*`,
    ),
    anyOf(
      String.raw`\bavslut\w*`,
      String.raw`\bsäg\w* upp\b`,
      String.raw`\bstopp\w*`,
      String.raw`\bupphör\w*`,
      String.raw`\bslutfaktur\w*`,
      String.raw`\bsista (?:dragning\w*|betalning\w*|faktur\w*)`,
      String.raw`\bdras\b`,
      String.raw`\bdrar\b`,
      String.raw`\bbank\w*`,
      String.raw`\btas bort\b`,
    ),
  ],
  end_date: [
    anyOf(
      String.raw`\bupphör\w*`,
      String.raw`\bslutar\b`,
      String.raw`\bavslutas\b`,
      String.raw`\bstängs\b`,
      String.raw`\bsista dag\w*`,
      String.raw`\bgäller (?:till|t\.?o\.?m\.?|fram till)\b`,
      String.raw`\blöper ut\b`,
      String.raw`\bkopplas (?:ner|bort)\b`,
      String.raw`\bsägs upp (?:till|per)\b`,
    ),
    anyOf(
      String.raw`\b\d{1,2}(?::e)?\s?${MONTH}`,
      String.raw`\b\d{4}-\d{2}-\d{2}\b`,
      String.raw`\bslutet av (?:månaden|nästa månad|denna månad)\b`,
      String.raw`\bi ?morgon\b`,
      String.raw`\bmånadsskiftet\b`,
    ),
  ],
  charges: [
    anyOf(
      String.raw`\bkost\w*`,
      String.raw`\bavgift\w*`,
      String.raw`\bbetala\w*`,
      String.raw`\bgratis\b`,
      String.raw`\bkostnadsfri\w*`,
      String.raw`\befterskänk\w*`,
      String.raw`\bstryk\w*`,
      String.raw`\bdebiter\w*`,
    ),
    anyOf(
      KRONOR,
      String.raw`\bingenting\b`,
      String.raw`\binget\b`,
      String.raw`\bingen\b`,
      String.raw`\bnoll\b`,
      String.raw`\bgratis\b`,
      String.raw`\bkostnadsfri\w*`,
      String.raw`\befterskänk\w*`,
      String.raw`\bstryk\w*`,
    ),
  ],
  final_bill: [
    anyOf(String.raw`\bslutfaktur\w*`, String.raw`\bsista faktur\w*`, String.raw`\bsluträkning\w*`),
    anyOf(
      KRONOR,
      String.raw`\b(?:ingenting|inget) (?:för|att betala|extra)\b`,
      String.raw`\bvanliga (?:avgifter|kostnader|månadsavgift\w*)`,
      String.raw`\bfram till (?:slutdatum\w*|sista dagen)\b`,
      String.raw`\bför att (?:avsluta|säga upp|lämna)\b`,
    ),
  ],
  final_bill_disputes: [
    anyOf(
      String.raw`\breklamation\w*`,
      String.raw`\btvist\w*`,
      String.raw`\bbestrid\w*`,
      String.raw`\bfelaktig\w*`,
      String.raw`\bför mycket\b`,
      String.raw`\böverdebiter\w*`,
    ),
    anyOf(
      String.raw`\båterbetal\w*`,
      String.raw`\bkreditera\w*`,
      String.raw`\btillgodo\w*`,
      String.raw`\btill din fördel\b`,
      String.raw`\bbetala\w* tillbaka\b`,
      String.raw`\bpengarna tillbaka\b`,
    ),
  ],
  financed_device_balance: [
    anyOf(
      String.raw`\bavbetalning\w*`,
      String.raw`\bdelbetalning\w*`,
      String.raw`\brestskuld\w*`,
      String.raw`\bkvar att betala\b`,
      String.raw`\bfinansier\w*`,
      String.raw`\båterstående belopp\w*`,
    ),
    anyOf(
      String.raw`\bfortsätt\w*`,
      String.raw`\bsom avtalat\b`,
      String.raw`\bbehåller\b`,
      String.raw`\bvarje månad\b`,
      String.raw`\bper månad\b`,
      String.raw`\bi månaden\b`,
      String.raw`\bmånadsvis\b`,
      String.raw`\bpåverkas inte\b`,
    ),
  ],
  missed_promotion: [
    anyOf(
      String.raw`\bkampanj\w*`,
      String.raw`\brabatt\w*`,
      String.raw`\bWELCOME\d+`,
      String.raw`\bvälkomsterbjudande\w*`,
    ),
    anyOf(
      String.raw`\bkreditera\w*`,
      String.raw`\båterbetal\w*`,
      String.raw`\b(?:aldrig|inte) (?:\w+ )?(?:dragits|dragit|tillämpats|lagts in|räknats)\b`,
      String.raw`\bmissat\w*`,
      String.raw`\btillbaka\b`,
    ),
  ],
  equipment_return: [
    anyOf(
      String.raw`\breturner\w*`,
      String.raw`\b(?:skicka|lämna)\w* (?:\w+ ){0,3}tillbaka\b`,
      String.raw`\båterlämn\w*`,
      String.raw`\bretur\w*`,
    ),
    anyOf(
      String.raw`\brouter\w*`,
      String.raw`\b\w*box\w*`,
      String.raw`\bmodem\w*`,
      String.raw`\butrustning\w*`,
      String.raw`\benhet\w*`,
      String.raw`\betikett\w*`,
      String.raw`\bfraktsedel\w*`,
      String.raw`\bmottagare\w*`,
    ),
  ],
  data_export: [
    anyOf(
      String.raw`\bladda\w* (?:\w+ ){0,3}(?:ner|hem)\b`,
      String.raw`\bnedladdning\w*`,
      String.raw`\bexporter\w*`,
      String.raw`\bkopi(?:a|or)\b`,
      String.raw`\bspara\b`,
    ),
    anyOf(
      String.raw`\bfaktur\w*`,
      String.raw`\b\w*data\b`,
      String.raw`\buppgifter\w*`,
      String.raw`\bkonto\w*`,
    ),
  ],
  service_stop_notice: [
    anyOf(
      String.raw`\bmeddelande\w*`,
      String.raw`\bmeddela\w*`,
      String.raw`\bsms\w*`,
      String.raw`\bpåminn\w*`,
      String.raw`\bavisera\w*`,
      String.raw`\bmejl\w*`,
      String.raw`\be-?post\b`,
      String.raw`\bskicka\w*`,
      String.raw`\bhör av oss\b`,
    ),
    anyOf(
      String.raw`\bdagen (?:före|innan)\b`,
      String.raw`\b(?:en )?timme\w* (?:före|innan)\b`,
      String.raw`\binnan (?:\w+ ){0,4}(?:stängs|upphör|slutar)\b`,
    ),
  ],
  receipt: [
    anyOf(
      String.raw`\b\w*bekräftelse\w*`,
      String.raw`\bbekräfta\w*`,
      String.raw`\bkvitto\w*`,
      String.raw`\bkvittens\w*`,
      String.raw`\bskriftlig\w*`,
    ),
    anyOf(
      String.raw`\bmejl\w*`,
      String.raw`\be-?post\b`,
      String.raw`\bskicka\w*`,
      String.raw`\bpdf\b`,
      String.raw`\bskriftlig\w*`,
      String.raw`\bvaraktigt medium\b`,
      String.raw`\bbrev\w*`,
    ),
  ],
  // The statement is the negation: "Vi kommer inte att kontakta dig med erbjudanden när du har slutat."
  alumni_consent: [
    anyOf(
      String.raw`\b(?:inte|aldrig|inga)\b(?:.{0,40})\b(?:erbjudande\w*|reklam\w*|marknadsföring\w*|säljsamtal\w*)`,
      String.raw`\b(?:erbjudande\w*|reklam\w*|marknadsföring\w*)\b(?:.{0,30})\b(?:inte|aldrig)\b`,
    ),
    anyOf(
      String.raw`\befter att du\b`,
      String.raw`\bnär du (?:har )?(?:slutat|lämnat|gått|avslutat|sagt upp)\b`,
      String.raw`\bframöver\b`,
      String.raw`\bi fortsättningen\b`,
    ),
  ],
  door_open: [
    anyOf(
      String.raw`\bvälkommen tillbaka\b`,
      String.raw`\bkomma tillbaka\b`,
      String.raw`\bdörren (?:står|är) (?:alltid )?öppen\b`,
      String.raw`\balltid välkommen\b`,
      String.raw`\bfinns här för dig\b`,
    ),
  ],
  end_of_contract: [
    anyOf(
      String.raw`\bbindningstid\w*`,
      String.raw`\bavtalstid\w*`,
      String.raw`\bavtalet (?:löper ut|upphör|slutar)\b`,
    ),
    anyOf(
      String.raw`\butan (?:\w+ )?(?:avgift|kostnad)\w*`,
      String.raw`\bavgiftsfri\w*`,
      String.raw`\bgratis\b`,
      String.raw`\bingen (?:\w+)?avgift\w*`,
      String.raw`\bkostar (?:inget|ingenting)\b`,
    ),
  ],
  withdrawal_function: [
    anyOf(
      String.raw`\bånger\w*`,
      String.raw`\bångra (?:avtalet|köpet|dig inom)\b`,
      String.raw`\b14 dagar\b`,
      String.raw`\bfjorton dagar\b`,
    ),
  ],
  confirm_step: [
    anyOf(
      String.raw`\bbekräfta\w*`,
      String.raw`\bsäga ja\b`,
      String.raw`\btryck\w*`,
      String.raw`\bklicka\w*`,
    ),
    anyOf(
      String.raw`\b(?:inget|ingenting) (?:sägs upp|avslutas)\b`,
      String.raw`\bförst när\b`,
      String.raw`\bsteg 2\b`,
      String.raw`\bandra steget\b`,
      String.raw`\bbara om du\b`,
      String.raw`\binnan du\b`,
    ),
  ],
  cancellation_fields: [
    anyOf(
      String.raw`\banteckna\w*`,
      String.raw`\bregistrera\w*`,
      String.raw`\bnotera\w*`,
      String.raw`\bskriver (?:upp|ner)\b`,
      String.raw`\bdokumentera\w*`,
    ),
    anyOf(
      String.raw`\buppsägning\w*`,
      String.raw`\bkundnummer\w*`,
      String.raw`\bavtalsnummer\w*`,
      String.raw`\bslutdatum\w*`,
      String.raw`\bsista dag\w*`,
    ),
  ],
  same_medium: [
    anyOf(String.raw`\bsäga upp\b`, String.raw`\bavsluta\w*`, String.raw`\buppsägning\w*`),
    anyOf(
      String.raw`\bonline\b`,
      String.raw`\bhär (?:i samtalet|direkt|och nu)\b`,
      String.raw`\bdirekt här\b`,
      String.raw`\bi det här samtalet\b`,
      String.raw`\bpå samma sätt\b`,
      String.raw`\bvia telefon\b`,
    ),
  ],
  cancel_alongside_offer: [
    rx(String.raw`\berbjudande\w*`),
    anyOf(
      String.raw`\b(?:ett )?nej räcker\b`,
      String.raw`\bsäga nej\b`,
      String.raw`\bbredvid\b`,
      String.raw`\b(?:fortfarande|ändå) säga upp\b`,
    ),
  ],
};

/** Opens with the verb ("Vill du veta …"), unless a main clause follows ("Vill du behålla numret, beställer du …"). */
const QUESTION = rx(
  String.raw`\?\s*$|^\s*(?:(?:så|och|okej|ok|nå|då),?\s+)?(?:vill|ska|skall|kan|får|har|är|behöver|vet|undrar|vore|skulle)\s+(?:du|ni|jag|vi|det)\b(?![^?]*\s(?:så\s+)?\w+(?:ar|er|r)\s+(?:du|ni)\b)`,
);
/** "Det kan jag inte gå in på nu", "Jag skickar detaljerna senare". */
const WITHHOLD = anyOf(
  String.raw`\b(?:kan|får|hinner|tänker|kommer|vill)\b(?:.{0,30})\b(?:inte|inget|ingenting)\b(?:.{0,30})\b(?:berätta|säga|förklara|gå in på|prata om|ge|skicka|erbjuda|göra|hjälpa)\b`,
  String.raw`\bingen tid\b`,
  String.raw`\bsenare\b`,
  String.raw`\bjag kollar\b|\bnog\b|\btror jag\b|\bkanske\b|\bjag är inte säker\b`,
  String.raw`\ben annan gång\b`,
  String.raw`\båterkommer\b`,
  String.raw`\bhör av (?:mig|oss) (?:om|senare|igen)\b`,
  String.raw`\b(?:skicka|mejla)\w* (?:\w+ ){0,3}(?:detaljer\w*|information\w*|info|mer)\b`,
);
const NEGATED = rx(String.raw`\b(?:inte|ej|ingen|inget|inga|aldrig|utan)\b`);
const BENEFIT = anyOf(
  String.raw`\b(?:ingen|inget|inga) (?:\w+)?(?:avgift|kostnad)\w*`,
  String.raw`\b(?:ingen|inget|inga) (?:\w+ )?(?:avgift|kostnad)\w*`,
  String.raw`\butan (?:\w+ )?(?:kostnad|avgift)\w*`,
  String.raw`\bkostar (?:dig |det )?(?:\w+ )?(?:inget|ingenting|inte något|inte en krona)\b`,
  String.raw`\b(?:betala|betalar) (?:du )?(?:\w+ )?(?:inget|ingenting|inte något)\b`,
  String.raw`\b(?:behöver|måste) (?:du )?(?:\w+ ){0,4}(?:inte|inget|ingenting) (?:\w+ )?(?:kontakta|göra|betala|säga upp)\b`,
  String.raw`\b(?:inget|ingenting) (?:för|att betala|extra)\b`,
  String.raw`\b(?:aldrig|inte) (?:\w+ )?(?:dragits|dragit|tillämpats|lagts in|räknats)\b`,
  String.raw`\b(?:inget|ingenting) (?:sägs upp|avslutas)\b`,
  String.raw`\bpåverkas inte\b`,
  String.raw`\bdu slipper\b`,
);

/** Words of other topics that mention money or an end: the charges and the end date need their own words then. */
const GUARDS = {
  charges: {
    when: rx(
      String.raw`\blås\w* upp\b|\bupplås\w*|\bfraktsedel\w*|\betikett\w*|\breturner\w*|\btillbaka\b|\bslutfaktur\w*|\brestskuld\w*|\bavbetalning\w*|\bbindningstid\w*`,
    ),
    need: rx(
      String.raw`\bsäga upp\b|\bsäger upp\b|\buppsägning\w*|\bavsluta\w*|\blämna\b|\bbyta\b|\bi förtid\b`,
    ),
  },
  end_date: { when: rx(String.raw`\bbindningstid\w*|\bkampanj\w*|\brabatt\w*`), need: /(?!)/ },
};

const serviceKinds: Record<string, RegExp> = {
  broadband: rx(String.raw`\b(?:bredband\w*|internet|fiber\w*|wifi|router\w*)\b`),
  tv: rx(String.raw`\b(?:tv|tv-\w+|kanal\w*|digitalbox\w*|box\w*)\b`),
  mobile: rx(String.raw`\b(?:mobil\w*|telefon\w*|sim\w*|surf\w*)\b`),
  landline: rx(String.raw`\b(?:fast telefoni|hemtelefon\w*|fastnät\w*)\b`),
  subscription: rx(String.raw`\b(?:abonnemang\w*|medlemskap\w*|streaming\w*)\b`),
};

const CONFIRMATION = [
  rx(String.raw`\b(?:jag|vi) (?:säger upp|avslutar|stänger) (?:\w+ ){0,4}(?:nu|direkt|åt dig)\b`),
  rx(String.raw`\b(?:säger|avslutar|stänger) (?:jag|vi) (?:upp )?(?:\w+ ){0,4}(?:nu|direkt|åt dig)\b`),
  rx(
    String.raw`\b(?:jag|vi) har (?:nu )?(?:\w+ ){0,2}(?:sagt upp|avslutat|stängt|registrerat uppsägningen)\b`,
  ),
  rx(
    String.raw`\b(?:det|den|de|ditt|din|dina|allt|abonnemang\w*|avtal\w*|båda)\b(?:\s+\w+){0,3} (?:är|har) (?:nu |därmed )?(?:uppsagt|uppsagd|uppsagda|avslutat|avslutad|avslutade|stängt|stängd|klart|blivit uppsagt)\b`,
  ),
  rx(
    String.raw`\buppsägningen (?:är|har) (?:nu )?(?:klar|genomförd|registrerad|bekräftad|gjord|gått igenom)\b`,
  ),
  rx(
    String.raw`\bjag (?:ska|kommer att|kan) (?:nu )?(?:säga upp|avsluta) (?:det|den|dem|ditt|din|dina|allt)\b`,
  ),
];
const ASKING = rx(String.raw`\?\s*$|^\s*(?:ska|skall|vill|får|kan|borde)\s+(?:jag|vi|du|ni)\b`);
const OFFER = anyOf(
  String.raw`\b(?:jag|vi) (?:kan|skulle kunna|vill) (?:\w+ ){0,2}erbjuda\b`,
  String.raw`\b\w*rabatt\w*`,
  String.raw`\b\w*erbjudande\w*`,
  String.raw`\b\d+\s?(?:%|procent) (?:rabatt|billigare|lägre)\b`,
  String.raw`\bhalva priset\b`,
  String.raw`\bgratis månad\w*`,
  String.raw`\bmånad\w* gratis\b`,
  String.raw`\bvad sägs om\b`,
  String.raw`\btänk om vi\b`,
  String.raw`\bi stället för att säga upp\b`,
  String.raw`\bstanna (?:kvar )?hos oss\b`,
);
const NOT_AN_OFFER = anyOf(
  String.raw`\b(?:inga|inget|ingen) (?:erbjudande\w*|rabatt\w*)`,
  String.raw`\bkommer inte (?:att )?erbjuda\b`,
  String.raw`\b(?:inte|aldrig) (?:\w+ )?erbjuda\b`,
);
const DECLINE = anyOf(
  String.raw`^\s*nej\b`,
  String.raw`\bnej,? tack\b`,
  String.raw`\binte intresserad\b`,
  String.raw`\bbara (?:att )?säg\w* upp\b`,
  String.raw`\bjag vill (?:bara |ändå )?(?:säga upp|avsluta|sluta)\b`,
  String.raw`\bjag har (?:redan )?bestämt mig\b`,
  String.raw`\bjag (?:slutar|lämnar|byter) (?:ändå|i alla fall)\b`,
);

export const sv: AssistWording = {
  lang: "sv",
  concepts,
  negativeTopics: ["alumni_consent", "confirm_step"],
  guards: GUARDS,
  question: QUESTION,
  withhold: WITHHOLD,
  negatedAnywhere: NEGATED,
  benefit: BENEFIT,
  serviceKinds,
  every: rx(String.raw`\b(?:båda|både|bägge|alla|allt|varje)\b`),
  confirmation: CONFIRMATION,
  asking: ASKING,
  offer: OFFER,
  notAnOffer: NOT_AN_OFFER,
  decline: DECLINE,
  markers: [
    "jag",
    "du",
    "dig",
    "din",
    "ditt",
    "dina",
    "vi",
    "är",
    "inte",
    "och",
    "det",
    "den",
    "att",
    "som",
    "på",
    "för",
    "med",
    "till",
    "får",
    "kan",
    "ska",
    "har",
    "inget",
    "ingen",
    "en",
    "ett",
    "när",
    "innan",
    "efter",
    "tack",
    "nej",
    "också",
    "sedan",
    "gratis",
    "skickar",
    "vill",
  ],
};
