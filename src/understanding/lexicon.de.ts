/** German lexicon. Syntax: see `lexicon.ts`. */
import type { LexiconData } from "./lexicon.js";

const PROVIDERS =
  "(?:telekom|t mobile|vodafone|o2|1 1|congstar|freenet|aldi talk|pyur|netcologne|m net|klarmobil|fraenk|unitymedia|kabel deutschland|sky)";
const CONTRACT =
  "(?:vertrag|verträge|abo|abonnement|konto|kundenkonto|mitgliedschaft|anschluss|tarif|*vertrag|*anschluss)";
const PERSON =
  "(?:mensch*|mitarbeiter*|berater*|sachbearbeiter*|kundenberater*|servicemitarbeiter*|ansprechpartner*|vorgesetzte*)";
const FAMILY =
  "(?:mann|ehemann|frau|ehefrau|partner|partnerin|mutter|vater|mama|papa|sohn|tochter|bruder|schwester|oma|opa|großmutter|großvater)";

// biome-ignore format: lexicon data is laid out by hand, several short entries a line
export const de: LexiconData = {
  markers: [
    "ich", "und", "nicht", "mein", "meine", "meinen", "meinem", "ist", "das", "der", "dem", "des", "bitte",
    "danke", "mit", "für", "ein", "eine", "einen", "einem", "wie", "wann", "warum", "kann", "können",
    "möchte", "würde", "kündigen", "kündigung", "nein", "sie", "es", "zu", "auf", "mir", "mich", "haben",
    "habe", "hallo", "vertrag", "gebühr*", "kosten", "umziehen", "teuer", "sprechen", "mensch", "menschen",
    "mitarbeiter", "wir", "uns", "unser", "auch", "aber", "oder", "noch", "schon", "jetzt", "hier", "gibt",
    "wird", "werden", "bin", "sind", "doch", "genau", "jawohl", "gerne", "nach", "von", "vom", "zum", "zur",
    "bei", "weil", "dass", "wenn", "sehr", "viel", "kein", "keine", "verkäufer", "gesagt", "hat", "handy",
    "anbieter", "ja", "funktioniert", "guten", "du", "bist", "im", "vielen", "dank", "dankeschön", "alles", "stimmt", "richtig",
  ],
  negators: ["nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals"],
  negationUndo: ["nur", "bloß", "einmal", "mal"],
  modals: ["kann", "kannst", "können", "konnte", "könnte", "geht"],
  politeness: ["bitte", "danke", "danke schön", "dankeschön", "vielen dank", "einfach", "jetzt", "gerne", "doch", "mal", "also"],
  spelledExactly: [],

  cancel: [
    "kündig(?:e|en|t|st)",
    `${CONTRACT} … (?:beenden|auflösen|stornieren|abbestellen|schließen|schliessen|aufheben|loswerden)`,
    "(?:möchte|will|würde gerne|wollte|muss|werde|möchten|wollen) … (?:beenden|auflösen|stornieren|abbestellen|abmelden|loswerden)",
    "kündigung (?:einreichen|aussprechen|bestätigen|durchführen|aufgeben|abschicken)",
    "(?:meine|die) kündigung", "raus aus dem vertrag", "aus dem vertrag (?:raus|aussteigen)",
  ],
  cancelKeyword: ["kündigung", "kündigungen", "storn(?:o|ieren|ierung)", "abmelden", "beenden", "austreten", "austritt"],
  askPerson: [
    `${PERSON} … (?:sprechen|reden|verbinden|chatten|telefonieren|haben)`,
    `(?:sprechen|reden|verbinden|chatten|telefonieren) … (?:${PERSON}|jemand*|person)`,
    "verbinden sie mich", "verbinde mich", "mich … verbinden", "mit jemand* … (?:sprechen|reden|telefonieren|chatten)",
    "(?:echte*|richtige*|reale*|lebendige*|menschliche*) (?:mensch*|person*|mitarbeiter*|ansprechpartner*|berater*)",
    "kein (?:bot|roboter|chatbot|computer|automat)", "rückruf",
  ],
  askPersonShort: [
    "mensch", "ein mensch", "einen menschen", "mitarbeiter", "einen mitarbeiter", "berater", "sachbearbeiter",
    "person", "echter mensch", "einen echten menschen", "agent", "kundendienst", "kundenservice",
  ],
  yes: [
    "ja", "jawohl", "jap", "jep", "jo", "genau", "klar", "na klar", "ja klar", "einverstanden", "ja bitte",
    "ja gerne", "ja genau", "richtig", "stimmt(?! nicht)", "das stimmt(?! nicht)", "passt", "in ordnung", "okay", "ok", "alles klar",
    "selbstverständlich", "sicher", "natürlich", "gerne", "ich bestätige", "bestätig*", "machen sie das",
    "mach das", "auf jeden fall", "sehr gerne", "korrekt", "weiter", "fortfahren",
  ],
  yesShort: ["gut", "super", "prima", "perfekt", "ja gern", "los", "machen sie", "ja ja"],
  yesAnywhere: ["ich bestätige", "bestätige", "einverstanden", "machen sie (?:das|es|weiter)", "bitte (?:fortfahren|weiter)", "fahren sie fort"],
  no: [
    "nein", "nein danke", "nee", "nö", "ne", "auf keinen fall", "keineswegs", "lieber nicht", "bitte nicht",
    "nein bitte nicht", "eher nicht", "überhaupt nicht", "natürlich nicht", "nicht wirklich", "nein nein",
  ],
  noShort: ["nicht", "nicht jetzt", "noch nicht", "jetzt nicht", "nie", "niemals", "doch nicht", "falsch", "stimmt nicht", "das stimmt nicht"],
  noAnywhere: ["ich bestätige nicht", "bitte nicht (?:kündigen|fortfahren)"],
  declineOffer: [
    "(?:will|möchte|brauche) (?:kein|keine|keinen) (?:angebot*|rabatt*|gutschein*|deal*)",
    "keine (?:weiteren )?angebote", "kein interesse an (?:einem |ihrem |ihren |dem |den )?(?:angebot*|rabatt*)",
    "angebot ablehnen", "lehne (?:das |ihr )?angebot ab",
  ],
  declineOfferWhenOffered: [
    "kein interesse", "nein danke", "einfach kündigen", "nur kündigen", "trotzdem kündigen",
    "(?:will|möchte) (?:trotzdem|einfach|nur|immer noch) kündigen", "lehne ab",
  ],
  acceptOffer: [
    "(?:nehme|nehmen|akzeptiere) (?:das |ihr |dieses )?angebot", "angebot (?:annehmen|an)",
    "was (?:können|könnt|kannst) (?:sie|ihr|du) (?:mir )?anbieten",
    "(?:haben sie|gibt es) (?:ein |irgendwelche |einen )?(?:angebot*|rabatt*)", "(?:mehr|das) (?:über das )?angebot hören",
  ],
  acceptOfferWhenOffered: ["klingt gut", "nehme ich", "ich nehme es", "das nehme ich", "einverstanden", "warum nicht", "gerne", "interessiert", "erzählen sie mehr", "okay"],
  costNegation: [
    "(?:kein|keine|keinen|ohne) (?:gebühr*|*gebühr*|kosten|zusatzkosten|extrakosten|vertragsstrafe*|strafe|ablöse*)",
    "nicht (?:zahlen|bezahlen|kosten|kostet)",
  ],
  keepService: [
    "ich bleibe", "wir bleiben", "bleibe (?:doch|bei ihnen|kunde)", "(?:will|möchte) (?:doch|lieber) (?:bleiben|behalten)",
    "(?:doch|lieber) nicht kündigen", "(?<!(?:kann|kannst|können|konnte|könnte) )nicht kündigen",
    "behalte (?:ihn|es|den vertrag|das abo|alles)", "kündigung (?:zurückziehen|zurücknehmen|widerrufen)",
  ],
  changedMind: ["es mir anders überlegt", "anders überlegt", "meinung geändert", "umentschieden", "umentscheiden"],
  changedMindContext: [
    "abgeschlossen", "unterschrieben", "bestellt", "gekauft", "neuen vertrag", "letzte woche", "gestern",
    "vorgestern", "gerade erst", "vor (?:ein paar|wenigen|zwei|drei) tagen", "abschluss",
  ],
  withdrawal: [
    "(?<!kündigung )widerruf(?:en|e|t|srecht|sfrist)?", "vom vertrag zurück(?:treten)?",
    "(?:trete|treten) … vom vertrag zurück", "rücktritt vom vertrag",
  ],
  questionStart: [
    "was", "wann", "wie", "warum", "wieso", "weshalb", "wo", "welche*", "wer", "kann", "kannst", "können",
    "muss", "müssen", "ist", "sind", "gibt", "bekomme", "bekommen", "werde", "wird", "darf", "dürfen",
    "wieviel", "wie viel", "hab ich", "habe ich",
  ],
  questionPhrase: ["ich (?:frage mich|möchte wissen|wüsste gern|würde gerne wissen)", "(?:können|könnten) sie (?:mir )?(?:sagen|erklären)", "wie viel", "wieviel"],
  greeting: ["hallo", "guten (?:tag|morgen|abend)", "moin", "servus", "grüß gott", "grüezi", "tag"],
  thanks: ["(?<!(?:nein|ja|nee) )(?:danke|dankeschön|danke schön|vielen dank|besten dank|herzlichen dank|danke sehr)"],
  topic: {
    fee: ["*gebühr*", "kosten", "kostet", "kostenlos", "zahlen", "bezahlen", "zahle", "wie viel", "wieviel", "schulde*", "vertragsstrafe*", "ablöse*", "betrag"],
    end_date: [
      "wann … (?:endet|enden|ende|aus|ausläuft|abgeschaltet|abschaltet|aufhört|vorbei|beendet|gekündigt|abgestellt)",
      "letzte[rn]? tag", "enddatum", "*kündigungsfrist*", "vertragsende", "bis wann", "wie lange", "laufzeit*",
      "restlaufzeit*", "ab wann",
    ],
    device: ["handy", "handys", "smartphone*", "telefon", "gerät", "geräte", "entsperr*", "gesperrt", "simlock*", "sim lock", "netzsperre", "iphone*", "samsung", "imei"],
    porting: ["*nummer (?:mitnehmen|behalten|portieren|übertragen)", "rufnummernmitnahme", "mitnahme", "portierung*", "portieren", "nummernmitnahme", "meine nummer mit", "passiert mit meiner (?:rufnummer|nummer|handynummer)"],
    payment: ["*lastschrift*", "einzugsermächtigung*", "sepa*", "abbuch*", "bankeinzug", "dauerauftrag", "zahlungsart", "zahlungsmethode", "kreditkarte", "bankverbindung", "mandat*"],
    final_bill: ["schlussrechnung*", "letzte rechnung", "letzten rechnung", "endabrechnung*", "abschlussrechnung*", "schlussabrechnung*"],
    equipment: ["router*", "fritzbox*", "fritz box", "box", "receiver*", "modem*", "zurückschicken", "zurücksenden", "zurückgeben", "rücksendung*", "leihgerät*", "hardware", "retour*", "mietgerät*"],
    data: ["(?:meine|persönliche*|personenbezogene*) daten", "dsgvo", "datenauskunft", "exportier*", "daten löschen", "datenexport"],
    offer: ["angebot*", "rabatt*", "gutschein*", "sonderangebot*", "bleibeangebot*"],
    person: ["(?:bist du|sind sie) (?:ein )?(?:bot|roboter|mensch|echt|computer|ki)", "chatbot*", "roboter"],
  },
  serviceKind: {
    broadband: ["*internet*", "dsl", "vdsl", "glasfaser*", "wlan", "breitband*", "kabelinternet", "netz(?:anschluss|zugang)"],
    tv: ["*fernseh*", "tv", "tv abo", "tv paket", "magenta tv", "sender", "kabelfernsehen", "kabel tv", "sky", "tv vertrag", "*tvvertrag"],
    mobile: [
      "*handyvertrag*", "*mobilfunk*", "sim karte", "simkarte", "prepaid*", "handytarif*", "mobilvertrag", "mobil",
      "handy (?:vertrag|tarif|abo|kündigen|abmelden|beenden)", "(?:kündig*|beend*) … (?:das|mein|meinen|unser) handy",
      "mobiltelefon", "mobilnummer vertrag",
    ],
    landline: ["*festnetz*", "telefonanschluss*", "hausanschluss", "telefonleitung", "telefonvertrag", "telefonie"],
    subscription: ["(?<!(?:tv|handy|internet|dsl|sky) )abo", "abos", "abonnement*", "mitgliedschaft*", "streaming*", "zeitschrift*"],
  },
  serviceKindInList: {
    broadband: ["netz", "dsl anschluss"],
    tv: ["kabel"],
    mobile: ["handy", "smartphone"],
    landline: ["telefon", "festnetztelefon"],
    subscription: [],
  },
  serviceKeeping: ["behalten", "behalte", "außer", "ausser", "ausgenommen", "abgesehen", "ohne", "bis", "weiterlaufen", "bleiben", "bleibt", "behalten", "weiter"],
  everything: [
    "alles (?:kündigen|beenden|stornieren|auflösen|abmelden)", "(?:kündige|kündigen sie|beenden sie|kündigt|storniert) alles",
    "alle (?:meine |meinen |unsere )?(?:verträge|dienste|produkte|abos|leistungen|anschlüsse|tarife)",
    "(?:das ganze|mein ganzes|das komplette) (?:paket|konto|kundenkonto)", "sämtliche (?:verträge|dienste|produkte|leistungen)",
  ],
  everythingShort: ["alles", "alle", "alle beide", "beide", "komplett", "alle verträge", "das ganze", "beides", "alle drei"],
  everythingObject: [
    "alles(?! (?:klar|gut|okay|ok|in ordnung|andere|weitere|nötige|richtig))", "beides", "(?<!(?:wir|uns|ihr|euch|sie) )beide(?: (?:verträge|dienste|anschlüsse|produkte))?", "alle (?:zwei|drei|vier|fünf|beide|2|3|4|5)",
    "komplett", "das ganze", "sämtliche*", "alle (?:verträge|dienste|produkte|leistungen|tarife)",
  ],
  everythingNotObject: ["ist", "war", "hat", "geht", "ging", "läuft", "lief", "funktioniert", "klappt", "wird", "wurde", "kostet", "nervt", "sind"],
  everythingElse: ["alles andere", "den rest", "der rest", "die anderen", "alles übrige", "die restlichen (?:verträge|dienste)?"],
  keepNumberYes: ["*nummer … (?:mitnehmen|behalten|portieren|übertragen)", "rufnummernmitnahme", "portierung*", "portieren", "nummernmitnahme", "meine nummer mit", "gleiche nummer", "selbe nummer"],
  keepNumberNo: [
    "(?:brauche|benötige|will|möchte) (?:die|meine) (?:ruf)?nummer nicht", "*nummer nicht (?:behalten|mitnehmen|mehr)",
    "keine (?:rufnummern)?mitnahme", "neue nummer (?:ist )?(?:ok|okay|in ordnung|egal|kein problem)", "nummer (?:ist )?(?:mir |uns )?egal",
    "*nummer (?:brauche|benötige|will|möchte) (?:ich|wir) nicht",
  ],
  reason: {
    moving: [
      "umzieh*", "umzug*", "*umzug", "(?:ziehe|ziehen|zieht|zog|zogen) (?!nicht )… (?:um|weg)", "umgezogen", "(?:wandere|wandern|wandert|ziehe|ziehen|zieht) (?!nicht )… aus",
      "neue (?:adresse|wohnung)", "neuen wohnort", "ins ausland", "auswander*", "wohnortwechsel", "wegzug",
      "(?:ziehe|ziehen|zieht|zog|zogen) (?!nicht )(?:bald |demnächst |bald schon |nächsten monat |nächste woche )?(?:nach|ins|in die|in eine|in ein|zu|zum|zur|aufs|zusammen)",
      "(?:ziehe|ziehen|zieht|zog|zogen) (?!nicht )… (?:nach|ins|zusammen)", "zusammenzieh*", "(?:werde|werden|will|wollen|möchte|möchten) … (?:wohnen|leben) (?:bei|in|mit|im)", "(?:wohne|wohnen|lebe|leben) (?:bald|demnächst|künftig|ab) … (?:bei|in|mit|im)", "zusammen(?:ziehen|gezogen)", "(?:haus|wohnung|eigentumswohnung) (?:gekauft|gefunden|bezogen)", "pflegeheim*", "altersheim*",
    ],
    price: [
      "zu teuer", "teuer*", "teurer", "günstiger", "billiger", "preiserhöhung*", "preis* (?:erhöht|gestiegen|angehoben|zu hoch)",
      "preis ist zu hoch", "kostet … zu viel", "es ist (?:einfach |nur |halt |eben )?der preis", "(?:liegt|lag) am preis", "zu viel (?:geld|kosten)", "erhöh* … preis*",
      "(?:rechnung|rechnungen|preis|preise|kosten|beitrag|beiträge|grundgebühr|monatsgebühr|gebühr|gebühren|tarif|abschlag) … (?:gestiegen|steigt|steigen|erhöht|angehoben|teurer|verdoppelt|explodiert|hochgesetzt|raufgesetzt)",
      "(?:erhöht|angehoben|hochgesetzt|raufgesetzt|verteuert)",
      "(?:kosten|preis|preise|gebühr|gebühren|beitrag|beiträge|rechnung|grundgebühr|monatsgebühr|tarif) … (?:zu hoch|zu viel|zu teuer)",
      "(?:kosten|preis|preise|gebühr|gebühren|rechnung|tarif|grundgebühr) (?:ist|sind|war|waren) … (?:unverschämt*|frech*|überteuert|wucher*|absurd*|lächerlich*|happig|gesalzen|überzogen)", "zahle … zu viel", "(?:lohnt|rentiert) sich … nicht", "preis leistung", "preis*leistung*",
    ],
    service_problems: [
      "*störung*", "funktioniert … (?:nicht|schlecht|kaum|nie)", "(?:internet|wlan|netz|telefon|handy|fernseher|tv|router|dsl|leitung|verbindung|festnetz) … geht … (?:nicht|nie)", "geht (?:nicht|ständig nicht|oft nicht)", "langsam*",
      "ausfall*", "*ausfälle*", "fällt … aus", "(?:kein|schlechter|schwacher|keinen|schlechtes) (?:empfang|netz|signal|internet|verbindung)",
      "bricht … ab", "abbrüche", "verbindungsabbr*", "unzuverlässig*", "schlechte* (?:service|verbindung|qualität|leistung|netz)",
      "techniker (?:kam nie|ist nicht gekommen|nicht gekommen)",
      "probleme mit (?:dem|der|meinem|meiner) (?:internet|verbindung|router|netz|empfang|anschluss)",
      "nichts (?:läuft|lief|klappt|klappte|funktioniert|funktionierte|geht|ging)", "(?:läuft|lief|klappt|klappte|funktioniert|funktionierte|geht|ging) (?:gar )?nichts",
      "(?:ständig|dauernd|immer wieder|nur|nichts als) (?:probleme|störungen|ausfälle|ärger|abbrüche|stress)",
      "(?:service|kundenservice|kundendienst|hotline|support|internet|netz|verbindung|empfang|wlan|geschwindigkeit|qualität) (?:ist|war|sind) … (?:katastroph*|miserabel|unterirdisch|mies|schlecht|furchtbar|schrecklich|grauenhaft|eine frechheit|eine zumutung|unbrauchbar|langsam)",
      "techniker … (?:nie|nicht) … (?:gekommen|erschienen|aufgetaucht|da)", "nie erreichbar",
    ],
    switching_provider: [
      "anbieter (?:wechseln|gewechselt|wechsel)", "anbieterwechsel", "wechsle (?:zu|zum)",
      `wechsel* … (?:zu|zum|zur) (?:einem|einer|${PROVIDERS})`, `(?:wechsle|wechseln|gehe|gehen) (?:zu|zum|zur) ${PROVIDERS}`,
      `(?:bei|von) ${PROVIDERS} (?:zahle|bezahle|zahlen|kostet|kosten|bekomme|bekommen|kriege|ist es|wäre es|habe ich)`, `${PROVIDERS} (?:ist|wäre|bietet) … (?:günstiger|billiger|besser)`,
      "(?:besseres|günstigeres|billigeres) angebot(?! von ihnen)", "(?:neuen|anderen|günstigeren|billigeren) (?:anbieter|provider|netzbetreiber)",
      `gehe zu ${PROVIDERS}`, "(?:zur|zu) konkurrenz",
    ],
    bereavement: [
      "verstorben*", "gestorben", "starb", "verstarb", "tod", "todes*", "todesfall*", "beerdigung*", "trauerfall*",
      "sterbefall*", "sterbeurkunde", "hinterbliebene*", "witwe*", "testamentsvollstrecker*", "erbschein", "erbengemeinschaft",
      "nachlass (?:meines|meiner|meinem|unseres|unserer|des|der|von)", "nachlassverwalt*", `(?:mein|meine) ${FAMILY} (?:ist|sind) (?:tot|gestorben|verstorben)`,
    ],
    money_trouble: [
      "arbeitslos*", "(?:job|arbeit|arbeitsplatz|stelle) verloren", "(?:meinen|meine|den) (?:job|arbeit|arbeitsplatz|stelle) … verloren",
      "(?:mir|uns) … nicht (?:mehr )?leisten", "nicht mehr leisten", "kein geld", "finanzielle* (?:probleme|schwierigkeiten|gründe|notlage)",
      "geldprobleme", "schulden", "(?:mir wurde|wurde mir|bin) gekündigt", "gekündigt worden", "kurzarbeit", "bürgergeld",
      "hartz", "insolven*", "pleite", "knapp bei kasse", "(?:geld|das geld) ist (?:gerade |im moment |momentan )?knapp",
    ],
    changed_mind: ["bereue*"],
    other: [
      "(?:brauche|benötige|nutze|benutze) … nicht mehr", "keinen bedarf", "kein bedarf", "persönliche gründe",
      "(?:brauche|benötige|nutze|benutze|schaue|sehe|will|möchte) (?:es|ihn|sie|das|den|die|ihn) … (?:kaum|selten|nie|nicht mehr|gar nicht|eh nicht)",
      "(?:nutze|benutze|schaue|brauche) … (?:kaum|selten|nie)",
      "(?:schaue|sehe|gucke|nutze|benutze|brauche|telefoniere|habe) … (?:kein|keine|keinen|nicht) … mehr", "kein (?:fernsehen|tv|festnetz|internet) mehr",
      "(?:nutze|benutze|brauche|schaue|verwende|nutzen|brauchen) (?:[^ |]+ ){0,4}(?:überhaupt |gar |eigentlich |fast )?(?:nicht|kaum|nie|selten)(?! (?:kündigen|zahlen|bezahlen|mehr zahlen))", "(?:kaum|selten|nie|nicht mehr|gar nicht) (?:nutze|benutze|brauche|schaue|verwende|nutzen|brauchen)","keine zeit (?:mehr )?(?:dafür|für)",
    ],
  },
  complaint: [
    "katastroph*", "miserabel", "unterirdisch", "unzufrieden*", "enttäuscht", "enttäuschung", "ärger*", "frechheit", "zumutung",
    "unverschämt*", "albtraum", "(?:die )?hölle", "genervt", "(?:reicht|langt) (?:mir|uns)", "(?:habe|hab) (?:die nase )?voll",
    "(?:schlechte|schlimme|miese) erfahrung*", "(?:nicht|nie) zufrieden", "unzumutbar", "sauer", "verärgert",
  ],
  cause: ["weil", "da (?:ich|wir|es|mir|uns|das|der|die|ihr|sie)", "denn", "wegen", "(?:der )?grund ist", "aus dem grund", "grund dafür"],
  postcodeRejecting: ["nicht", "nicht nach", "nicht in", "nicht die", "und nicht", "aber nicht", "statt", "anstatt", "statt nach", "anstatt nach", "nicht mehr", "keine"],
  postcodeLeaving: ["von", "aus", "weg aus", "bisher", "bisher in", "derzeit in", "wohne in", "alte plz", "alte postleitzahl", "alte plz ist", "alte postleitzahl ist"],
  postcodeDestination: [
    "nach", "in", "ins", "zu", "sondern", "sondern nach", "sondern in", "neue plz", "neue postleitzahl", "neue plz ist", "neue postleitzahl ist",
    "neue adresse", "meinte", "ich meinte", "meine", "ich meine", "richtig ist", "richtig wäre", "es ist", "es ist die", "korrekt ist", "eigentlich",
  ],
  postcodeWrongAfter: ["ist falsch", "war falsch", "war ein tippfehler", "ist die alte", "ist alt", "stimmt nicht", "war ein fehler"],
  correction: [
    "ich meinte", "ich meine", "korrektur", "falsch (?:geschrieben|eingegeben|getippt|angegeben)", "(?:nein )?moment", "warte", "nein doch", "korrigier*", "tippfehler", "vertippt", "verschrieben",
    "(?:das )?war falsch", "falsche (?:plz|postleitzahl)", "nicht (?:[^ |]+ ){1,3}(?:\\| )?sondern", "richtig (?:ist|wäre)", "mein fehler",
  ],
  claim: [
    "(?:verkäufer*|mitarbeiter*|berater*|kollege*|kollegin*|typ|mann|frau|herr|verkauf|laden|shop|hotline|kundendienst|kundenservice|filiale|man|sie|jemand*) … (?:hat|haben|hatte|hatten) … (?:gesagt|versprochen|zugesichert|behauptet|erklärt|garantiert|mitgeteilt)",
    "(?:verkäufer*|mitarbeiter*|berater*|man|sie) (?:sagte|sagten|versprach|versprachen|meinte|meinten)",
    "mir wurde (?:gesagt|versprochen|zugesichert|garantiert|mitgeteilt)", "(?:wurde|wurden) (?:mir|uns) … (?:versprochen|zugesichert|gesagt)",
    "man hat (?:mir|uns) … (?:gesagt|versprochen|zugesichert)", "(?:hieß|hiess) es", "versprochen", "zugesichert",
  ],
  claimKind: {
    free_unlock: ["(?:entsperr*|simlock*|freischalt*) … (?:kostenlos|gratis|umsonst|gebührenfrei)", "(?:kostenlos*|gratis) (?:entsperr*|freigeschaltet|freischalt*)"],
    credit: ["gutschrift*", "erstatt*", "rückerstattung*", "entschädigung*", "geld zurück", "kompensation*", "gutgeschrieben"],
    discount: ["rabatt*", "günstiger", "billiger", "preisnachlass", "nachlass", "ermäßig*", "prozent", "reduziert*"],
    free_cancellation: ["jederzeit kündbar", "jederzeit (?:kündigen|aussteigen)", "monatlich kündbar", "(?:keine|ohne) (?:mindest)?laufzeit", "(?:keine|ohne) vertragsbindung"],
    fee_waiver: [
      "kostenlos*", "gebührenfrei", "gratis", "umsonst", "ohne (?:gebühr*|kosten|zusatzkosten|strafe)", "keine (?:gebühr*|kosten|vertragsstrafe)",
      "nichts (?:zahlen|bezahlen|kosten)", "erlassen", "nicht zahlen", "kostet nichts",
    ],
  },
  legalThreat: [
    "*anwalt*", "*anwält*", "verbraucherzentrale", "klage*", "verklag*", "gericht*", "*gericht", "schlichtungsstelle",
    "bundesnetzagentur", "rechtliche* schritte", "juristisch*", "rechtsweg", "rechtsschutz*",
  ],
  injection: [
    "(?:ignorier*|vergiss|vergessen sie|missachte*) (?:alle |deine |ihre |eure |die |vorherigen? |bisherigen? |obigen? |vorigen? ){0,4}(?:anweisung*|regel*|instruktion*|vorgabe*|richtlinie*|befehle?)",
    "(?:du bist|sie sind) (?:jetzt|nun|ab sofort) (?:ein|eine|im|in|mein|der|die|frei|admin*)",
    "admin modus", "adminmodus", "administratormodus", "entwicklermodus", "debug modus", "systemprompt*", "system prompt",
    "jailbreak*", "(?:tu|tue|tun sie) so als", "(?:setze|setzen sie|setz) … (?:gebühr*|kosten|betrag|saldo|rechnung) auf (?:0|null|0 euro)",
    "neue (?:anweisung*|regeln)", "umgeh* (?:die |deine |ihre )?(?:regel*|richtlinie*)",
  ],
  injectionImperative: ["(?:erlass*|streich*|lösch*|entfern*) (?:mir )?(?:die|meine|alle|sämtliche) (?:gebühr*|kosten|kündigungsgebühr*|rechnung|forderung*)"],
};
