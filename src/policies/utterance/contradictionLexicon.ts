/**
 * Words the contradiction checks look for, in English, Swedish and German, compiled once at
 * load. Unlike tone categories these are not policy data: they describe how fees, unlocks,
 * offers and refusals are talked about, and the checks compare them with the Decision.
 */
import type { FeeLine } from "../../domain/decision.js";

import { WordPattern } from "./wordPattern.js";

const L = "\\p{L}*";
/** Whole words, run on lower-cased text. */
const words = (body: string, compounds?: string): WordPattern => new WordPattern(body, compounds);
/** Several whole-word alternatives scanned in one pass. */
const anyOf = (bodies: string[]): WordPattern => words(bodies.map((b) => `(?:${b})`).join("|"));

export type FeeKind = FeeLine["kind"];

/** Names of fee kinds. Each fires alone except `notice_period`, which also needs a charge word. */
export const FEE_NAMES: { kind: FeeKind; regex: WordPattern; label: string }[] = [
  {
    kind: "exit_fee",
    label: "an exit fee",
    regex: words(
      `(?:exit|early[\\s-]termination|termination|cancell?ation|cancell?ing|break(?:age)?|leaving|early[\\s-](?:exit|cancell?ation))\\s+(?:fees?|charges?|penalty|penalties)|etc|etf|uppsägningsavgift${L}|brytavgift${L}|avslutningsavgift${L}|lösenavgift${L}|kündigungsgebühr${L}|stornogebühr${L}|stornokosten|vertragsstrafe${L}|ablösesumme`,
    ),
  },
  {
    kind: "device_balance",
    label: "a device balance",
    regex: words(
      `(?:device|handset|phone|tablet|watch)\\s+(?:balance|instal?ments?|payments?|loan|credit agreement)|remaining\\s+(?:device|handset|phone)\\s+(?:payments?|balance|instal?ments?)|restbetrag${L}|geräterate${L}|ratenzahlung${L}|avbetalning${L}|restskuld${L}|delbetalning${L}`,
    ),
  },
  {
    kind: "equipment",
    label: "an equipment charge",
    regex: words(
      `(?:router|modem|set[\\s-]?top[\\s-]?box|tv box|equipment|hub|decoder|receiver)\\s+(?:fees?|charges?|costs?|replacement (?:fee|charge|cost))|(?:non[\\s-]?return|unreturned|late[\\s-]return)\\s+(?:fees?|charges?)|utrustningsavgift${L}|routeravgift${L}|gerätegebühr${L}|routergebühr${L}|ersatzgebühr${L}`,
    ),
  },
  {
    kind: "notice_period",
    label: "a notice-period charge",
    regex: words(
      `notice[\\s-]period|period of notice|months?'? notice|days'? notice|uppsägningstid${L}|kündigungsfrist${L}`,
    ),
  },
];

/** "a fee for cancelling early": a generic fee word with a leaving word in the same clause. */
export const GENERIC_FEE = words(`fees?|charges?|penalty|strafe`, `avgift${L}|gebühr${L}`);
/** Leaving early: "for the early cancellation", "vorzeitige Kündigung", "i förtid". */
export const EARLY = words(
  `early|earlier|ahead of time|before the end of (?:your|the) (?:contract|term|minimum term)|vorzeitig${L}|i förtid|förtida|förtidig${L}`,
);
export const LEAVING = words(
  `cancel${L}|early|terminat${L}|leav${L}|uppsägning${L}|säga upp|säger upp|avsluta${L}|kündig${L}|vorzeitig${L}`,
);

const NUMBER_WORDS =
  "\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|ein|eine|einen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf";

/** Months of contract to be paid: "3 more months", "the rest of your contract". */
export const MONTHS_TO_PAY = words(
  `(?:${NUMBER_WORDS})\\s+(?:more\\s+|further\\s+|remaining\\s+|extra\\s+|additional\\s+|ytterligare\\s+|återstående\\s+|kvarvarande\\s+|weitere(?:n)?\\s+|verbleibende(?:n)?\\s+|restliche(?:n)?\\s+)?(?:months?|månad(?:er|erna)?|monate?n?)|remaining months|rest of (?:the|your) (?:contract|term|minimum term)|resten av (?:avtals|bindnings)tiden|återstående månad${L}|restlaufzeit|restliche(?:n)? (?:monate|laufzeit)`,
);

/** Something is to be paid. */
export const CHARGE = words(
  `pay|pays|paying|payable|owe|owes|owing|due|charge|charged|charging|bill|billed|billing|invoic${L}|debit${L}|cost you|costs you|will cost|comes? to|apply|applies|settle|there(?:'s| is| will be| would be)|betala${L}|fakturer${L}|debiter${L}|kostar|tillkommer|zahlen|bezahlen|zahlst|berechne${L}|berechnet|in rechnung|fällig${L}|kostet|anfallen|fällt|fallen|abbuch${L}|abgebucht|belastet`,
);

/** A statement about an amount being owed (besides CHARGE). */
export const AMOUNT_CONTEXT = words(
  `total|in total|altogether|balance|outstanding|final bill|final invoice|fees?|charges?|totalt|summa|belopp${L}|slutfaktura${L}|slutsumma|insgesamt|gesamt${L}|schlussrechnung`,
  `avgift${L}|gebühr${L}|betrag|kosten`,
);

/** The clause says the fee is not charged, or talks about it hypothetically. */
export const NOT_CHARGED = words(
  `waiv${L}|won't|will not|wouldn't|would not|don't|doesn't|do not|does not|didn't|isn't|is not|aren't|are not|no|not|never|nothing|none|free|without|covered|written off|removed?|zero|refund${L}|would have been|would've been|normally|usually|otherwise|ingen|inga|inget|inte|aldrig|slipper|efterskänk${L}|avskriv${L}|stryk${L}|struk${L}|utan|gratis|avgiftsfri${L}|kostnadsfri${L}|normalt|annars|kein${L}|nicht|nie|entfällt|entfallen|erlass${L}|ohne|kostenlos|kostenfrei|gebührenfrei|verzicht${L}|gestrichen|normalerweise|sonst`,
);

/** A waiver is spoken of somewhere in the sentence. */
export const WAIVER_WORDS = words(
  `waiv${L}|written off|writing off|efterskänk${L}|avskriv${L}|stryk${L}|struk${L}|slipper|erlass${L}|verzicht${L}|entfällt|gestrichen`,
);
export const STILL = words(`still|anyway|ändå|fortfarande|trotzdem|dennoch|weiterhin`);

/** Money that is not a charge: a discount, a saving, a credit or a refund. */
export const NOT_A_CHARGE = words(
  `discount${L}|off|save|saving|savings|credit|refund${L}|rabatt${L}|spara|sparar|sparen|ersparnis|nachlass|tillgodo|återbetal${L}|gutschrift|erstatt${L}|instead of|was|used to|previously|tidigare|vorher|früher`,
);

/** A charge that only applies if equipment is not sent back: not part of the decision's totals. */
export const IF_NOT_RETURNED = words(
  `(?:if|unless|om|wenn|falls)\\s+(?:[\\p{L}']+\\s+){0,6}?(?:return${L}|send${L} (?:it |them )?back|sent back|returnera${L}|skicka${L} tillbaka|zurück${L})`,
);

/** Just before an amount: it is not what is owed ("50 € instead of the full 100 €"). */
export const NOT_THIS_AMOUNT: RegExp =
  /(?:instead of|rather than|(?<![\p{L}])(?:an)?statt|anstelle|istället för|i stället för|in place of|down from|reduced from|not)(?:[^.!?]{0,35})$/u;

/** Right after an amount: a price per period, not a total. */
export const PER_PERIOD: RegExp =
  /^\s*(?:\/\s*(?:mo|mon|month|mån|mnd|monat|mt)\.?|(?:per|a|an|each|every|pro|im|i|om|in the)\s+(?:month|mo|year|week|day|månad(?:en)?|år|vecka|monat|jahr|woche|tag)|monthly|månadsvis|monatlich|mtl\.?)/u;

export const UNLOCK = words(
  `unlock${L}|network[\\s-]lock${L}|sim[\\s-]?lock${L}|carrier[\\s-]lock${L}|lås${L} upp|upplås${L}|olåst|entsperr${L}|netlock|netzsperre|freischalt${L}`,
);

export const STORE_VISIT = words(
  `(?:visit|go (?:to|into|in)|come (?:in|into|to|by)|pop (?:in|into|by)|drop (?:in|by|into)|stop by|head (?:to|into)|bring (?:\\p{L}+\\s+){0,3}?(?:in)?to|take (?:\\p{L}+\\s+){0,3}?(?:in)?to)\\s+(?:\\p{L}+\\s+){0,3}?(?:stores?|shops?|branch(?:es)?|outlets?|retailers?|service cent(?:re|er)s?)|in[\\s-]?(?:store|person|branch)|(?:besök${L}|gå (?:in )?till|komma (?:in )?till|kom (?:in )?till|ta med \\p{L}+ till|lämna in \\p{L}+ (?:i|på)) (?:\\p{L}+\\s+){0,2}?butik${L}|i butik(?:en)?|(?:in|zu) (?:\\p{L}+\\s+){0,2}?(?:filiale|shop|laden|geschäft|partnershop)${L}|vor ort|vorbei(?:kommen|bringen|gehen)`,
);

export const OPTIONAL = words(
  `if you(?:'d| would)? (?:prefer|rather|like|want|wish|choose)|you (?:can|could|may) also|also (?:welcome|possible)|optional(?:ly)?|alternatively|or (?:you can|if you)|if that's easier|om du (?:föredrar|vill|hellre)|du kan (?:också|även)|går också bra|wenn (?:sie|du) (?:möchten|möchtest|wollen|willst|lieber)|falls (?:sie|du) (?:möchten|möchtest|lieber)|(?:sie|du) (?:können|kannst) (?:aber )?auch|alternativ|gerne auch`,
);

export const NO_NEED = words(
  `no need|not necessary|unnecessary|needn't|(?:don't|do not|doesn't|does not|won't|will not) (?:need|have) to|without (?:visiting|going|a visit|coming)|no (?:store|shop) visit|inte nödvändigt|behöver (?:du |ni )?inte|måste (?:du |ni )?inte|slipper|utan att|müssen (?:sie |du )?(?:\\p{L}+ )?nicht|nicht (?:nötig|notwendig|erforderlich)|ohne`,
);

export const DURATION = words(
  `(?<n>${NUMBER_WORDS}|a|an)\\s*[-\\s]?\\s*(?<unit>hours?|hrs?|h|days?|working days?|business days?|weeks?|timmar|timme|dygn|dagar|dag|arbetsdagar|veckor|vecka|stunden|stunde|std|tage|tagen|tag|werktage|werktagen|wochen|woche)`,
);

export const OFFER_NOUN = words(
  `discount${L}|deal|deals|offer|offers|upgrad${L}|unlimited data|(?:for )?the same price|price freeze|freeze your price|[£€$]?\\d+(?:[.,]\\d+)?\\s?(?:%|percent|per cent|kr|sek|eur|euros?|pounds?|dollars?)?\\s?(?:(?:a|per|each|every) (?:month|week|year) )?off|(?:\\p{L}+\\s+)?(?:months?|månad${L}|monate?)\\s+(?:free|gratis|kostenlos)|(?:halve|reduce|lower|cut|drop|match) your (?:\\p{L}+ )?(?:price|bill|fee|rate|tariff)|for free|(?:extra|bonus) data|free (?:\\p{L}+ )?(?:months?|upgrade|data|gift|minutes|gb)|\\d+\\s?% off|percent off|per cent off|half[\\s-]price|free (?:months?|upgrade|data|gift)|cheaper|lower (?:price|rate|bill)|better (?:price|rate|deal)|reduced (?:price|rate)|loyalty (?:price|discount|reward|bonus)|price (?:cut|reduction)|rabatt${L}|erbjudande${L}|billigare|lägre pris|bättre pris|gratis ?månad${L}|kampanj${L}|angebot${L}|preisnachlass|günstiger${L}|gratismonat${L}|sonderkondition${L}|treuebonus|nachlass`,
);

export const OFFER_FRAME = words(
  `(?:i|we) (?:can|could|would|'d|will|'ll|am able to|are able to)(?:\\s+(?:also|still|happily|now|even))?\\s+(?:offer|give|knock|take|reduce|lower|cut|drop|halve|apply|add|tell you about|let you have|throw in|do you|match|extend|waive|put you on|switch you)|i'd|we'd|how about|what about|what if|would you (?:like|consider|be interested)|are you interested|interested in|if you (?:stay|remain|keep)|to stay|instead of (?:cancel|leav)${L}|before you (?:go|leave|cancel)|special|exclusive|just for you|kan (?:erbjuda|ge dig)|vill du ha|vad sägs om|om du stannar|stanna kvar|istället|innan du (?:går|säger upp)|können (?:ihnen|dir)|anbieten|möchten sie|wie wäre es|wenn sie bleiben|stattdessen|bevor sie (?:gehen|kündigen)|exklusiv${L}`,
);

export const OFFER_NEGATED = words(
  `no (?:more|further|other) (?:offers?|deals?|discounts?)|(?:won't|will not|not going to|not gonna) (?:offer|make|suggest)|without (?:any )?(?:offers?|discounts?)|inga (?:fler |andra )?erbjudanden|keine (?:weiteren |anderen )?angebote`,
);

/** The customer is told they cannot cancel, or must use another channel to. */
export const CANNOT_CANCEL: WordPattern = anyOf([
  `(?:you|customers?)\\s+(?:can't|cannot|can not|are not able to|aren't able to|are unable to|won't be able to|will not be able to|may not|are not allowed to|aren't allowed to)\\s+(?:\\p{L}+\\s+){0,2}?(?:cancel|end|terminate|leave|close|quit)`,
  `(?:we|i)\\s+(?:can't|cannot|can not|are not able to|aren't able to|am not able to|are unable to|am unable to|won't be able to|don't|do not)\\s+(?:\\p{L}+\\s+){0,2}?(?:cancel|terminate|process (?:the |your |a )?cancell?ation|process cancell?ations|take cancell?ations|handle cancell?ations)`,
  `(?:not|isn't|is not|aren't|are not)\\s+(?:possible|allowed|permitted|available)\\s+to\\s+(?:cancel|end|terminate)`,
  `cancell?ations?\\s+(?:is|are)\\s+(?:not|n't)\\s+(?:possible|allowed|permitted|available)|cancell?ations?\\s+(?:isn't|aren't)\\s+(?:possible|allowed|permitted|available)`,
  `(?:can't|cannot|can not)\\s+be\\s+(?:cancell?ed|terminated|ended)`,
  `(?:doesn't|does not|won't|will not)\\s+(?:allow|let|permit)\\s+you\\s+(?:to\\s+)?(?:cancel|end|terminate|leave)`,
  `(?:have to|must|need to)\\s+(?:wait|stay)\\s+until`,
  `you(?:'re| are) (?:locked|tied) in`,
  `(?:du|ni)\\s+(?:kan|får)\\s+inte\\s+(?:\\p{L}+\\s+){0,2}?(?:säga upp|avsluta|bryta)`,
  `(?:kan|får)\\s+(?:du|ni)\\s+inte\\s+(?:\\p{L}+\\s+){0,2}?(?:säga upp|avsluta|bryta)`,
  `går\\s+inte\\s+att\\s+(?:\\p{L}+\\s+){0,2}?(?:säga upp|avsluta)`,
  `(?:vi|jag)\\s+kan\\s+inte\\s+(?:\\p{L}+\\s+){0,2}?(?:säga upp|avsluta)`,
  `uppsägning${L}\\s+(?:är|går)\\s+inte`,
  `(?:sie|du)\\s+(?:können|kannst)\\s+(?:\\p{L}+\\s+){0,3}?nicht\\s+(?:\\p{L}+\\s+){0,2}?(?:kündigen|beenden)`,
  `(?:können|kannst)\\s+(?:sie|du)\\s+(?:\\p{L}+\\s+){0,3}?nicht\\s+(?:\\p{L}+\\s+){0,2}?(?:kündigen|beenden)`,
  `(?:cancel${L}|cancell?ations?)\\s+(?:\\p{L}+\\s+){0,3}?(?:isn't|is not|aren't|are not)\\s+something\\s+(?:we|i)\\s+(?:can|could)\\s+(?:do|offer|process|handle)`,
  `kündigung${L}\\s+(?:\\p{L}+\\s+){0,4}?(?:ist\\s+)?(?:(?:leider|hier|online|im chat|derzeit)\\s+)*(?:nicht\\s+möglich|unmöglich)`,
  `(?:wir|ich)\\s+(?:können|kann)\\s+(?:\\p{L}+\\s+){0,3}?nicht\\s+(?:\\p{L}+\\s+){0,2}?(?:kündigen|beenden|stornieren)`,
]);

/** "You must call / write / visit a store": a refusal only when the sentence is about cancelling. */
export const MUST_USE_OTHER_CHANNEL: WordPattern = anyOf([
  `you(?:'ll| will)?\\s+(?:must|have to|need to|are required to|be required to)\\s+(?:first\\s+)?(?:call|phone|ring|telephone|write|send (?:us )?(?:a |an )?(?:letter|written|fax|form)|fax|post|visit|go (?:in)?to (?:a|one of our|our|the) (?:store|shop|branch))`,
  `(?:du|ni)\\s+(?:måste|behöver)\\s+(?:först\\s+)?(?:ringa|skriva|skicka|besöka|gå till)`,
  `(?:sie|du)\\s+(?:müssen|musst)\\s+(?:\\p{L}+\\s+){0,3}?(?:anrufen|schriftlich|per post|per brief|in (?:eine|die|unsere) filiale)`,
]);

export const ABOUT_CANCELLING = words(
  `cancel${L}|terminat${L}|end (?:your|the|my) (?:contract|service|subscription|plan)|close (?:your|the) account|säga upp|säger upp|uppsägning${L}|avsluta${L}|kündig${L}|gekündigt`,
);

/** The refusal is conditional on the customer's go-ahead, or a person takes over in this conversation. */
export const CANNOT_CANCEL_EXCEPT = words(
  `(?:pass|put|transfer|connect|hand)${L} you (?:to|through|over)|(?:a|my) colleague (?:who|will|can)|koppla${L} (?:dig|er) (?:till|vidare)|kollega${L} som|(?:verbinde|leite)${L} (?:sie|dich) (?:an|weiter|mit)|kolleg${L}, (?:der|die)|(?:until|unless|before|once) you(?:'ve| have)? (?:confirm${L}|say|tell|give|agree${L})|without your (?:confirmation|go-ahead|ok|okay|consent)|förrän du (?:bekräft${L}|säger)|utan (?:ditt|din) (?:godkännande|bekräftelse)|innan du bekräft${L}|bis (?:sie|du) (?:bestätig${L}|zustimm${L})|ohne (?:ihre|deine) (?:bestätigung|zustimmung)|sobald (?:sie|du) (?:bestätig${L})`,
);
