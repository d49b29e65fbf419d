/** Swedish lexicon. Syntax: see `lexicon.ts`. */
import type { LexiconData } from "./lexicon.js";

const PROVIDERS =
  "(?:telia|tele2|telenor|tre|comviq|hallon|vimla|bahnhof|com hem|comhem|bredband2|ownit|halebop|fello|boxer|allente|tele2 comhem|lycamobile)";
const FAMILY =
  "(?:man|make|maken|fru|frun|hustru|sambo|sambon|partner|mamma|pappa|mor|far|son|dotter|bror|syster|mormor|farmor|morfar|farfar)";
const NUMBER = "(?:telefon|mobil)?(?:nummer|numret|numren|nummret)";

// biome-ignore format: lexicon data is laid out by hand, several short entries a line
export const sv: LexiconData = {
  markers: [
    "jag", "vill", "och", "att", "det", "är", "inte", "mitt", "min", "mina", "mig", "kan", "har", "på",
    "för", "med", "tack", "hej", "hejsan", "nej", "säga", "upp", "hur", "vad", "när", "varför", "du",
    "ni", "ett", "också", "men", "om", "till", "från", "eller", "bara", "mycket", "avgift*", "abonnemang*",
    "bredband*", "flytta*", "dyrt", "uppsägning*", "avsluta*", "sa", "ska", "skulle", "måste", "behöver",
    "någon", "människa", "prata", "vi", "oss", "vår", "ert", "kostar", "gärna", "japp", "visst", "okej",
    "tjena", "hallå", "säljaren", "då", "nu", "här", "finns", "blir", "får", "hos", "sitt", "dem", "ja", "allt", "alla", "inget", "ingen",
    "numret", "fungerar", "funkar", "jättedyrt", "alltså",
  ],
  negators: ["inte", "ej", "aldrig", "icke", "inga", "ingen", "inget", "varken"],
  negationUndo: ["bara", "enbart", "ens"],
  modals: ["kan", "kunde", "går", "gick"],
  politeness: ["tack", "tack så mycket", "snälla", "är du snäll", "bara", "nu", "då", "ju", "tusen tack"],
  // "gar" is German ("gar nicht" is no question, "gar" no modal), "far" father and English,
  // "na" German ("na klar" is no "no"), "last" English ("my last bill" is no locked phone)
  spelledExactly: ["går", "får", "nä", "låst"],

  cancel: [
    "(?<!att )(?:säga|säger|säg|sagt|sade|sa) upp(?! (?:mig|oss|honom|henne))",
    "(?:säga|säger|sa|sade) (?:jag|vi|man|ni) upp",
    "(?:vill|ska|skulle vilja|måste|tänker|önskar|behöver|försöker|kan jag|hur) (?:avsluta|avbryta|sluta|häva|stänga|säga upp|lämna|bli av med)",
    "avsluta (?:mitt|min|mina|abonnemang*|avtal*|kontot|konto|bredband*|tv|allt|alla|prenumeration*|medlemskap*|det|dem)",
    "(?:stänga|stäng) (?:av )?(?:mitt|min|mina|kontot)", "häva (?:avtalet|mitt avtal|köpet)",
    "avbryt (?:mitt|min|mina|abonnemang*|avtal*)", "(?:vill|ska) bli av med",
  ],
  cancelKeyword: ["säga upp", "uppsägning", "uppsägningen", "avsluta", "avslutar", "avregistrera*", "avbryta", "sluta"],
  askPerson: [
    "(?:prata|tala|snacka|chatta) med (?:en |någon |ett )?(?:riktig |verklig |levande |mänsklig )?(?:människa|person|handläggare|handläggaren|kundtjänst|medarbetare|kundservice|någon|agent|rådgivare|chef|människor)",
    "(?:riktig|verklig|levande|äkta) (?:människa|person|handläggare)",
    "koppla (?:mig|vidare|över)",
    "(?:ringa|ring) upp mig", "(?:någon|en människa) … ring(?:a|er) (?:mig|upp)",
    "(?:vill inte|inte) (?:prata|chatta) med (?:en )?(?:robot|bot|maskin)",
  ],
  askPersonShort: ["människa", "en människa", "handläggare", "en handläggare", "person", "en person", "agent", "kundtjänst", "riktig människa", "en riktig människa"],
  yes: [
    "ja", "japp", "jepp", "jo", "visst", "javisst", "absolut", "okej", "ok", "kör", "kör på", "det stämmer(?! inte)",
    "stämmer(?! inte)", "det går bra", "bekräfta*", "jag bekräftar", "gärna", "precis", "självklart", "ja visst",
    "ja gärna", "ja absolut", "helt rätt", "korrekt", "jajamän", "fortsätt", "gå vidare",
  ],
  yesShort: ["bra", "fint", "toppen", "kanon", "gör det", "rätt", "ja ja", "låter bra", "nästa"],
  yesAnywhere: ["jag bekräftar", "bekräftar", "kör på", "gör det", "det går bra"],
  no: ["nej", "nej tack", "nä", "nää", "nej då", "nix", "absolut inte", "inte alls", "verkligen inte", "nej nej", "icke", "nope"],
  noShort: ["inte", "inte nu", "inte än", "helst inte", "aldrig", "fel", "det stämmer inte", "stämmer inte"],
  noAnywhere: ["jag bekräftar inte", "gör det inte", "gör inte det"],
  declineOffer: [
    "(?:vill|behöver) inte (?:ha )?(?:något |några |ert |ett |ditt |era |fler |nya )?(?:erbjudande*|rabatt*)",
    "inga (?:fler )?(?:erbjudanden|rabatter)",
    "inte intresserad av (?:något |några |ert |era |ett )?(?:erbjudande*|rabatt*)",
    "(?:tackar|tacka) nej till (?:erbjudandet|ert erbjudande|rabatten)",
  ],
  declineOfferWhenOffered: [
    "inte intresserad", "nej tack", "tackar nej", "bara säga upp", "vill (?:bara|fortfarande|ändå) säga upp",
    "säg upp (?:bara|ändå)", "ändå säga upp", "inget för mig",
  ],
  acceptOffer: [
    "tar (?:erbjudandet|det erbjudandet|rabatten)", "(?:tackar|tacka) ja till (?:erbjudandet|rabatten)",
    "vad (?:kan|har) ni (?:att )?erbjuda", "(?:har ni|finns det) (?:några |något )?(?:erbjudanden|rabatter|erbjudande)",
    "berätta (?:mer )?om erbjudandet", "(?:höra|se) erbjudandet",
  ],
  acceptOfferWhenOffered: ["låter bra", "jag tar det", "tar det", "tackar ja", "okej då", "berätta mer", "intresserad", "varför inte", "det gör jag"],
  costNegation: [
    "(?:ingen|inga|inget|utan) (?:avgift*|*avgift*|kostnad*|extra kostnad*|betalning)",
    "inte (?:kosta|kostar|kostade|skulle kosta|behöva betala|behöver betala|betala)", "(?:kostar|kostade|kosta) (?:inte|inget|ingenting)",
  ],
  keepService: [
    "(?:jag|vi) (?:stannar|blir kvar|behåller (?:det|abonnemanget|avtalet|tjänsten|allt|bredbandet|tv))",
    "(?:vill|ska) (?:ändå )?(?:behålla (?:det|abonnemanget|avtalet|tjänsten|allt)|stanna|ha kvar)",
    "(?:säg|säga) inte upp", "(?:vill|ska) inte (?:säga upp|avsluta)",
    "(?:avbryt|ångra|ta tillbaka) (?:min )?uppsägningen", "(?:ha|behålla) kvar (?:det|abonnemanget|avtalet)",
  ],
  changedMind: ["ändrat mig", "ändrade mig", "tänkt om", "ändrat uppfattning", "ångrat mig", "ångrar mig", "ångrade mig"],
  changedMindContext: [
    "tecknade", "tecknat", "skrev på", "köpte", "köpt", "beställde", "beställt", "nytt avtal", "förra veckan",
    "igår", "nyss", "avtalet", "köpet", "i veckan",
  ],
  withdrawal: ["ångerrätt*", "ångra (?:köpet|avtalet|mitt köp)", "frånträda avtalet", "inom (?:de )?14 dagar(?:na)?"],
  questionStart: [
    "vad", "när", "hur", "varför", "vilken", "vilket", "vilka", "vem", "kan", "kommer", "måste", "behöver",
    "får", "är", "blir", "finns", "ska", "gäller", "går", "har jag", "stämmer det",
  ],
  questionPhrase: ["jag undrar", "undrar (?:om|vad|när|hur)", "(?:vill|skulle vilja) veta", "berätta (?:vad|när|hur)", "hur mycket"],
  greeting: ["hej", "hejsan", "hallå", "tjena", "tja", "tjenare", "god morgon", "god dag", "god kväll", "god eftermiddag", "hej hej", "hejhej"],
  thanks: ["(?<!(?:nej|ja|nä) )(?:tack|tackar|tack så mycket|tusen tack|stort tack|tack för hjälpen)"],
  topic: {
    fee: ["kostar", "kosta", "kostnad*", "*avgift*", "betala", "betalar", "hur mycket", "skyldig*", "gratis"],
    end_date: [
      "när … (?:upphör*|slutar|slut|avslutas|stängs|bryts|löper ut|går ut|sista)", "sista (?:dag*|datum)",
      "slutdatum*", "*uppsägningstid*", "hur länge", "(?:till|fram till|från och med) när", "upphör*",
    ],
    device: ["telefon", "telefonen", "mobiltelefon*", "mobilen", "luren", "lås* upp", "låst", "operatörslås*", "simlås*", "upplåst", "enhet*", "iphone*", "samsung", "imei"],
    porting: [
      `behålla (?:mitt |mina |samma |vårt )?${NUMBER}`, "portera*", "portering*", "nummerflytt*",
      `flytta (?:med )?(?:mitt |mina )?${NUMBER}`, `ta med (?:mig )?(?:mitt )?${NUMBER}`, "samma nummer", `händer med (?:mitt |mina )?${NUMBER}`,
    ],
    payment: ["autogiro*", "e faktura", "efaktura", "betalning*", "betalningssätt", "medgivande*", "swish", "bankkort*"],
    final_bill: ["slutfaktura*", "sista faktura*", "sista räkning*", "slutreglering*", "slutavräkning*"],
    equipment: ["router*", "box", "boxen", "tv box*", "dosa*", "digitalbox*", "modem*", "utrustning*", "skicka tillbaka", "returnera*", "retur*", "lämna tillbaka"],
    data: ["mina (?:uppgifter|data|personuppgifter)", "min data", "personuppgift*", "exportera*", "gdpr", "radera (?:mina|min) *", "registerutdrag"],
    offer: ["erbjudande*", "rabatt*", "kampanj*", "bättre pris"],
    person: ["är (?:du|det) (?:en )?(?:robot|bot|människa|maskin|ai|riktig*)", "chattbot*", "robot*"],
  },
  serviceKind: {
    broadband: ["*bredband*", "internet*", "wifi", "wi fi", "fiber*", "adsl", "nätet", "uppkoppling*"],
    tv: ["tv", "tvn", "tv paket*", "tvpaket*", "tv tjänst*", "kanal*", "tv abonnemang*", "tvabonnemang*", "television*", "tv boxen", "kabel tv"],
    mobile: [
      "mobil", "mobilen", "mobilabonnemang*", "*mobilabonnemang*", "mobiltelefoni", "simkort*", "sim kort*", "kontantkort*", "mobilsurf",
      "mobiltelefonen", "mobilavtal*", "telefonabonnemang*", "(?:säga upp|avsluta) (?:min|mitt) (?:telefon|mobiltelefon)",
    ],
    landline: ["fast telefoni", "fast telefon*", "fasttelefon*", "hemtelefon*", "fastnät*", "ip telefoni", "fast linje", "telefonlinje*", "fasta telefon*"],
    subscription: ["prenumeration*", "streaming*", "streamingtjänst*", "medlemskap*"],
  },
  serviceKindInList: {
    broadband: ["nät"],
    tv: ["kabel"],
    mobile: ["telefonen", "mobiltelefon"],
    landline: ["telefon", "telefoni", "telefonin"],
    subscription: [],
  },
  serviceKeeping: ["behålla", "behåller", "behåll", "utom", "förutom", "undantag", "utan", "kvar"],
  everything: [
    "(?:säga upp|avsluta|säg upp|avbryta|stänga|stäng) (?:allt|alltihop|alltihopa|allting|alla (?:mina |våra )?(?:tjänster|abonnemang|avtal))",
    "alla (?:mina|våra) (?:tjänster|abonnemang|avtal|produkter)", "allt (?:tack|på kontot)", "hela (?:paketet|kontot|abonnemanget)",
  ],
  everythingShort: ["allt", "alltihop", "alltihopa", "allting", "alla", "alla tjänster", "alla tre", "båda", "båda två", "bägge"],
  everythingObject: [
    "allt(?! (?:annat|bra|väl|gott|som))", "alltihop", "alltihopa", "allting", "(?<!(?:vi|oss|ni|er|de|dom) )(?:båda|bägge)", "alla (?:två|tre|fyra|fem|2|3|4|5)",
    "alla (?:tjänster|abonnemang|avtal|produkter|tjänsterna|abonnemangen|avtalen)", "hela (?:paketet|kontot|abonnemanget)", "samtliga*",
  ],
  everythingNotObject: ["är", "var", "har", "hade", "går", "gick", "funkar", "fungerar", "blir", "blev", "kostar", "strular", "krånglar"],
  everythingElse: ["allt annat", "resten", "de andra", "det andra", "övriga (?:tjänster|abonnemang)?", "allt det andra"],
  keepNumberYes: [
    `behålla (?:mitt |samma |vårt )?${NUMBER}`, "portera*", "portering*", "nummerflytt*",
    `flytta (?:med )?(?:mitt )?${NUMBER}`, `ta med (?:mig )?(?:mitt )?${NUMBER}`, "samma nummer", `händer med (?:mitt |mina )?${NUMBER}`,
  ],
  keepNumberNo: [
    `(?:behöver|vill) inte … ${NUMBER}`, "nytt nummer (?:är|går) (?:bra|fint|okej)", "(?:strunt|skit) i numret", "(?:tar|skaffar|vill ha|får) (?:ett )?nytt nummer", `${NUMBER} spelar ingen roll`,
    "släppa numret",
  ],
  reason: {
    moving: [
      `flytt(?:a|ar|ade|at|en|ning)(?! (?:med )?(?:mitt |mina )?${NUMBER})(?! (?:till|över till) ${PROVIDERS})`,
      "ny adress", "nytt boende", "ny lägenhet", "nytt hus", "utomlands", "emigrer*", "utlandsflytt*",
      "köpt (?:ett |en )?(?:hus|lägenhet|bostadsrätt|villa|radhus|boende)", "(?:ska|kommer att|kommer|tänker) (?:bo|flytta ihop) (?:hos|i|med|på|tillsammans|ihop)", "flytta ihop", "(?:äldreboende|serviceboende|demensboende)",
    ],
    price: [
      "dyr", "dyrt", "dyra", "dyrare", "jättedyrt", "för dyrt", "billigare", "prishöjning*",
      "höj(?:t|de|er) (?:priset|priserna|avgiften)", "priset (?:har )?(?:höjts|gått upp|ökat)",
      "(?:betalar|kostar) (?:alldeles )?för mycket", "inte värt pengarna", "(?:det är|det handlar om|på grund av|pga) (?:bara |just |helt enkelt )?priset",
      "(?:räkningen|räkningarna|priset|priserna|avgiften|avgifterna|kostnaden|kostnaderna|månadskostnaden|månadsavgiften|fakturan) … (?:gått upp|höjts|höjdes|ökat|ökade|stigit|steg|blivit dyrare|fördubblats|dubblats|rusat)",
      "höj(?:t|de|er|a) (?:mitt |vårt )?(?:pris|priset|priserna|avgiften|avgifterna|månadsavgiften|kostnaden)", 
      "(?:priset|priserna|avgiften|avgifterna|kostnaden|räkningen|fakturan) (?:är|var|har blivit) … (?:skandal*|orimlig*|löjlig*|sjuk*|galen*|ett skämt|ocker)",
      "(?:priset|priserna|avgiften|avgifterna|kostnaden|kostnaderna|räkningen|fakturan|månadskostnaden|månadsavgiften) … (?:för högt|för hög|för höga|för mycket|för dyrt|för dyr|orimlig*)","prisökning*", "dyrare", "för dyr", "betala mer", "inte värt det",
    ],
    service_problems: [
      "(?:fungerar|funkar) … (?:inte|dåligt|aldrig)", "långsam*", "segt", "avbrott*",
      "driftstörning*", "*störning*", "(?:dålig|ingen|svag|usel) (?:täckning|mottagning|signal|uppkoppling|hastighet|service)",
      "strul*", "krånglar", "krångel", "laggar", "(?:går|ligger) (?:ner|nere)", "bryts (?:hela tiden|ofta|ständigt)",
      "tappar (?:uppkopplingen|täckningen|anslutningen|signalen)", "(?:dåligt|uselt|uruselt) (?:internet|bredband|nät|wifi|tv)",
      "problem med (?:internet|bredband*|uppkoppling*|tv*|nätet|wifi|routern)", "teknikern (?:kom aldrig|kom inte|dök inte upp)",
      "(?:inget|ingenting) (?:har )?(?:fungerat|funkat|fungerar|funkar|gått bra|gått rätt|blivit rätt|stämt)",
      "(?:bara|massa|ständiga|ständigt|jämt|en massa|konstanta) (?:problem|strul|avbrott|fel|krångel)",
      "*långsam*", "(?:jätte|super|extremt|väldigt|otroligt)(?:dålig*|usel*|seg*)", "(?:bryts|försvinner|hackar|laggar) … (?:hela tiden|ofta|ständigt|jämt|varje dag|varje kväll)",
      "(?:tekniker|teknikern|montören|installatören) … (?:kom|dök|dykt) … (?:aldrig|inte)",
      "(?:kundtjänst|kundservice|servicen|tjänsten|nätet|internet|bredbandet|uppkopplingen|hastigheten|täckningen|tvn|tv) (?:är|var|har varit) … (?:usel|uselt|urusel|dålig|dåligt|katastrof*|värdelös*|bedrövlig*|hopplös*|skämt|ett skämt|sämst)",
    ],
    switching_provider: [
      "byt(?:a|er|t|te) (?:till|operatör*|leverantör*|bolag|bredbandsleverantör*)",
      "(?:ny|annan|billigare|nya|annat) (?:operatör|leverantör|bolag)", "(?:går|gått|gå) över till",
      `(?:börjar|börja|ska) (?:med|hos) ${PROVIDERS}`, "flytt(?:a|ar|ade|at) över till",
      "(?:hittat|hittade) (?:ett |en )?(?:bättre|billigare) (?:erbjudande|pris|avtal|deal)", `${PROVIDERS} (?:är|har) billigare`,
      "(?:hittat|fått|har|hittade|fick) (?:ett |en )?(?:bättre|billigare) (?:erbjudande|pris|avtal|deal) (?:hos|från|på|med)",
      `(?:hos|från|med) ${PROVIDERS} (?:betalar|får|kostar|blir)`,
      `(?:billigare|bättre|ett bättre erbjudande|ett billigare erbjudande) (?:hos|på|via|från|med) ${PROVIDERS}`,
    ],
    bereavement: [
      "avled*", "avliden", "avlidne", "gått bort", "gick bort", `(?:han|hon|min ${FAMILY}|${FAMILY}) (?:har )?(?:dog|dött|avlidit|somnat in)`,
      "dödsbo*", "dödsfall*", "begravning*", "bortgång*", "somnade in", `min (?:avlidne|bortgångne) ${FAMILY}`,
      "änka", "änkling", "bouppteckning*",
    ],
    money_trouble: [
      "(?:har|hade) inte (?:längre )?råd", "inte (?:längre )?har råd", "arbetslös*",
      "(?:förlorat|förlorade|blev av med|blivit av med|tappat) (?:mitt )?(?:jobb|jobbet|arbete|arbetet)",
      "(?:blev|blivit|har blivit|är) uppsagd", "(?:sa|sade) upp mig", "varslad*",
      "ekonomisk* (?:problem|svårigheter|kris|situation)", "ont om pengar", "pengarna räcker inte",
      "skulder", "skuldsatt", "kronofogden", "försörjningsstöd", "a kassa",
    ],
    changed_mind: ["ångrar (?:köpet|avtalet)", "ångrat (?:köpet|avtalet)", "ångrade (?:köpet|avtalet)", "ångrar att jag (?:tecknade|skrev|köpte|beställde)"],
    other: [
      "använder (?:det|den|tjänsten) (?:inte|aldrig|knappt)", "behöver (?:det|den|tjänsten) inte",
      "behöver inte (?:det|den|tjänsten)", "personliga skäl", "vill inte säga",
      "(?:använder|tittar på|nyttjar|behöver) (?:det|den|dem|tjänsten|tv|tvn) (?:inte|aldrig|knappt|sällan)",
      "(?:använder|tittar|nyttjar) (?:knappt|sällan|aldrig|inte)", "(?:inte|aldrig|knappt|sällan) (?:längre )?(?:behöver|använder|tittar på|nyttjar) (?:det|den|dem|tjänsten|tv|tvn)","ingen användning för", "inte (?:tid|behov)",
    ],
  },
  complaint: [
    "missnöjd*", "besvike*", "katastrof*", "usel*", "urusel*", "skandal*", "bedrövlig*", "värdelös*", "(?:trött|less) på",
    "mardröm*", "(?:fått|har fått) nog", "dålig* erfarenhet*", "inte nöjd", "aldrig nöjd", "arg", "irriterad", "förbannad",
  ],
  cause: ["eftersom", "för att (?:jag|vi|det|ni|priset|tjänsten)", "på grund av", "pga", "anledningen (?:är|var)", "därför att", "då (?:jag|vi|det|ni)"],
  postcodeRejecting: ["inte", "inte till", "inte i", "och inte", "men inte", "istället för", "i stället för", "snarare än", "inte längre", "ej"],
  postcodeLeaving: ["från", "flyttar från", "bor i", "bor på", "nuvarande", "nuvarande postnummer", "gamla postnumret", "gamla postnumret är", "nuvarande postnummer är"],
  postcodeDestination: [
    "till", "flyttar till", "flytta till", "utan", "utan till", "nya postnumret", "nya postnumret är", "nytt postnummer", "ny adress", "menade",
    "jag menade", "menar", "jag menar", "det är", "det ska vara", "ska vara", "rätt är", "egentligen", "rättare sagt",
  ],
  postcodeWrongAfter: ["är fel", "var fel", "var ett skrivfel", "är gamla", "är det gamla", "stämmer inte", "var ett misstag"],
  correction: [
    "jag menade", "jag menar", "rättelse", "(?:angav|angett|gav|sa|sade|skrivit) fel", "vänta", "förresten", "nej förlåt", "skrev fel", "felskrivning", "skrivfel", "fel postnummer", "det var fel",
    "rättare sagt", "inte (?:[^ |]+ ){1,3}(?:\\| )?utan", "ska vara", "mitt fel", 
  ],
  claim: [
    "(?:säljaren|säljare|säljarna|försäljaren|personalen|kundtjänst|handläggaren|killen|tjejen|mannen|kvinnan|personen|någon|han|hon|de|ni|dom|butiken|affären|telefonförsäljaren|agenten|kollega|kollegan) … (?:sa|sade|lovade|berättade|sagt|lovat|försäkrade|intygade|garanterade)",
    "(?:jag|vi) (?:blev|fick|har fått|hade fått) (?:lovad|lovade|lovat|löfte|höra|veta|beskedet)",
    "fick (?:höra|veta|beskedet) att", "blev lovad*", "utlovade?", "det (?:lovades|utlovades|sades)",
  ],
  claimKind: {
    free_unlock: ["(?:lås* upp|upplåsning|upplåst) … (?:gratis|kostnadsfritt|utan kostnad|avgiftsfritt)", "(?:gratis|kostnadsfri*) (?:upplåsning|att låsa upp)"],
    credit: ["kredit*", "återbetal*", "pengarna tillbaka", "ersättning*", "kompensation*", "gottgör*"],
    discount: ["rabatt*", "billigare", "lägre pris", "halva priset", "sänkt pris", "prisgaranti"],
    free_cancellation: ["säga upp när (?:som helst|jag vill)", "(?:ingen|utan) bindningstid", "inga bindningstider", "ingen bindning", "utan bindning", "fri uppsägning"],
    fee_waiver: [
      "avgiftsfri*", "gratis", "kostnadsfri*", "utan (?:avgift|kostnad|kostnader)", "(?:ingen|inga) (?:avgift*|kostnad*|uppsägningsavgift*)",
      "slipper (?:betala|avgift*)", "(?:behöver|skulle) inte (?:behöva )?betala", "inte (?:skulle )?kosta", "skulle inte kosta", "efterskänk*",
    ],
  },
  legalThreat: [
    "advokat*", "jurist*", "arn", "allmänna reklamationsnämnden", "reklamationsnämnden", "konsumentverket",
    "konsumentombudsmannen", "(?:stämma|stämmer) (?:er|dig|företaget|bolaget)", "domstol*", "tingsrätt*",
    "rättslig* (?:åtgärd*|process*)", "polisanmäl*", "post och telestyrelsen", "konsumentvägledar*",
  ],
  injection: [
    "(?:ignorera|glöm|strunta i) (?:alla |dina |era |tidigare |föregående |de |dom |dina tidigare ){0,3}(?:instruktioner*|regler*|direktiv*|order|riktlinjer*)",
    "du är nu (?:en|ett|i|min|fri|admin*)", "låtsas", "adminläge*", "administratörsläge*", "utvecklarläge*",
    "systemprompt*", "jailbreak*", "(?:sätt|ändra) … (?:avgift*|saldo*|belopp*|faktura*) till (?:0|noll|ingenting)",
    "(?:nya|uppdaterade) (?:instruktioner|regler)",
  ],
  injectionImperative: ["(?:stryk|ta bort|efterskänk|nollställ|radera) (?:min |mina |den |alla |hela )?(?:avgift*|uppsägningsavgift*|skuld*|faktura*|kostnad*)"],
};
