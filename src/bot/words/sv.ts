/** The bot's own words in Swedish. See `words.ts`. */
import type { Service } from "../../domain/customer.js";
import { longDate, longInstant } from "../../domain/dates.js";
import { formatMoney, formatTotals } from "../../domain/money.js";
import { listed, type Words } from "./words.js";

const KINDS: Record<string, string> = {
  mobile: "Mobil",
  broadband: "Bredband",
  tv: "Tv",
  landline: "Fast telefoni",
  subscription: "Prenumeration",
  insurance: "Försäkring",
  banking: "Bankkonto",
  energy: "Energi",
  other: "Annat avtal",
};
const kindName = (kind: string) => KINDS[kind] ?? kind;
const serviceName = (s: Service) => `${kindName(s.kind).toLowerCase()} (${s.plan})`;
const capitalised = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
const money = (amount: number, currency: string) => formatMoney(amount, currency, "sv");
const date = (d: string) => longDate(d, "sv");
const instant = (i: string) => longInstant(i, "sv");
const number = (s: Service) => (s.phoneNumber ? ` ${s.phoneNumber}` : "");

export const sv: Words = {
  language: "sv",
  money,
  totals: (t) => formatTotals(t, "sv"),
  date,
  instant,

  kindName,
  serviceName,
  listServices: (services) => listed(services.map(serviceName), "och"),
  yourService: "Din tjänst",

  greeting:
    "Hej, jag är FairExits automatiska assistent (en bot, inte en människa). Jag kan hjälpa dig att säga upp, eller svara på frågor om att avsluta. Du kan när som helst be att få prata med en människa.",
  askAccount: "För att hitta ditt konto: vilket är ditt kundnummer? Det står på dina fakturor.",
  askAccountToCancel:
    "Jag kan hjälpa dig att säga upp. För att hitta ditt konto: vilket är ditt kundnummer? Det står på dina fakturor.",
  askPostcode: "Tack. Och postnumret på kontot?",
  askPostcodeToCancel: "Jag kan hjälpa dig att säga upp. Och postnumret på kontot?",
  verifyFailed: (left) =>
    `Jag kunde inte bekräfta de uppgifterna. Kontrollera kundnumret och postnumret på kontot${
      left === 1 ? " (ett försök till, sedan kopplar jag dig till en människa)" : ""
    }.`,
  coolDown: (minutes) =>
    `Av säkerhetsskäl kan jag inte kontrollera uppgifterna för det kundnumret just nu, efter flera misslyckade försök. Försök igen om ${minutes} minuter, eller be att få prata med en människa som kan hjälpa dig.`,
  verified: (c, bereaved) =>
    bereaved || c.vulnerabilities.includes("bereavement")
      ? "Tack. Jag har hittat kontot. Jag beklagar sorgen."
      : `Tack, ${c.name.given}. Jag har hittat ditt konto.`,
  trustedHello: (c) =>
    c.vulnerabilities.includes("bereavement")
      ? "Du är inloggad, så du behöver inte bekräfta något igen. Jag beklagar sorgen."
      : `Hej ${c.name.given}, du är inloggad, så du behöver inte bekräfta något igen.`,
  identityFailedReason: "Vi kunde inte bekräfta ditt konto här.",

  whichServices(services) {
    return `Du har ${this.listServices(services)}. Vad vill du avsluta? Du kan säga "allt" eller nämna en tjänst.`;
  },
  askReason:
    'Får jag fråga varför du avslutar? Det är frivilligt, och det hjälper mig att få detaljerna rätt (till exempel vart, om du flyttar). Du kan också säga "hoppa över".',
  askReasonToo:
    "Och, om du vill: varför avslutar du? Det är frivilligt (om du flyttar, säg det nya postnumret, eftersom det kan ändra vad du ska betala).",
  askNewPostcode: "Vilket postnummer flyttar du till? Vi kontrollerar om vi kan leverera till den adressen.",
  askKeepNumber: (s) => `Vill du behålla ditt nummer${number(s)} hos din nya operatör? (ja / nej)`,
  askKeepNumberIfSwitching: (s) =>
    `Om du byter till en annan operatör, vill du behålla ditt nummer${number(s)}? (ja / nej)`,
  askKeepNumberIfMobile: (s) =>
    `Om du avslutar ditt mobilabonnemang och byter till en annan operatör, vill du behålla ditt nummer${number(s)}?`,

  reviewIntro: "Så här blir det för dig när du avslutar, ett ämne i taget.",
  anyQuestions: 'Har du några frågor om det här? Fråga gärna, eller säg "fortsätt".',
  totalOwed: (t) => `Totalt betalar du ${formatTotals(t, "sv")} för att avsluta.`,
  serviceEnds: (kind, endDate) => `Din tjänst (${kindName(kind).toLowerCase()}) upphör ${date(endDate)}.`,

  confirmIntro: "För att bekräfta, det här händer:",
  confirmLine: (kind, endDate, due, waived) =>
    `• ${kindName(kind)}: upphör ${date(endDate)}; för att avsluta betalar du ${money(due.amount, due.currency)}${
      waived > 0 ? ` (${money(waived, due.currency)} efterskänks)` : ""
    }.`,
  portingCodeLine: (codeType) => `• Vi skickar din ${codeType}-kod med sms direkt.`,
  unlockLine: "• Vi låser upp din telefon på distans, utan kostnad.",
  returnLabelLine: "• Vi skickar en förbetald etikett för att returnera utrustningen.",
  promotionCreditLine: (a, code) =>
    `• Vi krediterar ${money(a.amount, a.currency)} för kampanjen ${code} som du aldrig fick.`,
  confirmQuestion: "Ska jag säga upp nu? (ja / nej)",
  notCancelledKeep: "Inga problem: ingenting har ändrats, och dina tjänster fortsätter som förut.",
  notConfirmed:
    'Okej, jag har inte sagt upp något. Du kan ställa en fråga, eller säga "säg upp" när du är redo.',

  offerDeclined: "Uppfattat. Vi fortsätter med uppsägningen.",
  offerOrCancel: "Vill du ta erbjudandet, eller fortsätta med uppsägningen?",
  offerAccepted:
    "Tack. Jag har noterat att du vill ha erbjudandet; ingenting har sagts upp. En kollega lägger in det och bekräftar med e-post.",

  receiptSubject: (reference) => `Din uppsägning ${reference}`,
  receiptHeader: (reference, at) =>
    `Uppsägningen är bekräftad. Ditt referensnummer är ${reference} (${instant(at)}).`,
  receiptService: (kind, endDate, due, waived) =>
    `• ${kindName(kind)} upphör ${date(endDate)}. För att avsluta betalar du ${money(due.amount, due.currency)}${
      waived > 0 ? `; ${money(waived, due.currency)} efterskänktes` : ""
    }.`,
  receiptPortingCode: (kind, code, validUntil) => `• Din ${kind} är ${code}, giltig till ${validUntil}.`,
  receiptUnlock: "• Upplåsningen av din telefon är beställd; den sker på distans.",
  receiptDisputeCredit: (a, plural) => {
    const what = plural ? "dina öppna reklamationer" : "din öppna reklamation";
    return a
      ? `• Vi krediterar ${money(a.amount, a.currency)} för ${what}: beloppet dras av på slutfakturan, eller så betalar vi tillbaka det.`
      : `• Vi krediterar ${what} i sin helhet: beloppet dras av på slutfakturan, eller så betalar vi tillbaka det.`;
  },
  receiptPromotionCredit: (a, code) => {
    const promo = code ? `kampanjen ${code}` : "kampanjen";
    return a
      ? `• Vi krediterar ${money(a.amount, a.currency)} för ${promo} som du blev såld men aldrig fick: beloppet dras av på slutfakturan, eller så betalar vi tillbaka det.`
      : `• Vi krediterar det du gick miste om av ${promo} som du blev såld men aldrig fick: beloppet dras av på slutfakturan, eller så betalar vi tillbaka det.`;
  },
  receiptReturnLabel: (label, returnBy) =>
    `• Returetikett ${label}; skicka tillbaka utrustningen senast ${returnBy}.`,
  receiptScheduled: (at, message) => `• Vi skickar ett meddelande till dig ${instant(at)}: "${message}"`,
  receiptTotal: (t) => `Totalt för att avsluta: ${formatTotals(t, "sv")}.`,
  receiptCopy: "Här är ditt kvitto igen:",
  alreadyCancelled: (done, reference) =>
    [
      done.length === 0
        ? `Det här är redan uppsagt${reference ? `: ditt referensnummer är ${reference}` : ""}.`
        : done
            .map(
              (c) =>
                `Det här är redan uppsagt: ditt referensnummer är ${c.reference}, bekräftat ${instant(c.confirmedAt)}. ${c.services
                  .map((s) => `${capitalised(s.name)} upphör ${date(s.endDate)}.`)
                  .join(" ")}`,
            )
            .join("\n"),
      'Ditt kvitto skickas till dig med e-post; säg "kvitto" för att se det här. Om du har ångrat dig kan jag inte själv ångra en uppsägning, men en människa kan se vad som fortfarande går att göra: be bara att få prata med en människa.',
    ].join("\n"),

  consentQuestion:
    'En sista sak: får vi kontakta dig efter att du har avslutat, om vi har något relevant? "Nej" går alldeles utmärkt och är vad vi utgår från om du inte säger ja.',
  consentRecordedNo: "Noterat: vi kontaktar dig inte med erbjudanden efter att du har avslutat.",
  consentRecordedYes: "Noterat: vi kan kontakta dig ibland. Du kan ta tillbaka det när som helst.",
  surveyQuestion:
    'Frivilligt: med några ord, vad var det främsta skälet till att du avslutade? Eller säg "hoppa över".',
  surveyThanks: "Tack. Det var allt.",
  closed:
    "Det här samtalet är avslutat. Om du behöver något mer, skriv bara så hjälper jag dig, eller be att få prata med en människa.",

  handover: (reasons) =>
    `${reasons.length > 0 ? `${reasons.join(" ")} ` : ""}Jag är en bot, så jag kopplar dig till en människa nu. Hen ser det här samtalet, så du behöver inte upprepa något. Ingenting har sagts upp ännu.`,
  waitingForPerson: "En människa har ombetts att ta över och svarar här. Ingenting har sagts upp ännu.",
  customerAsksReason: "Du bad att få prata med en människa.",
  noActiveServices:
    "Jag hittar ingen aktiv tjänst att avsluta på det här kontot. En människa kan titta på det med dig.",
  injectionNoted:
    "Jag kan inte ändra hur avgifter eller erbjudanden bestäms; de följer vår publicerade policy. Jag förklarar gärna vilken del som helst av den.",
  notedNoChange: "Tack, noterat. Det ändrar ingenting av det jag har sagt ovan.",
  noAnswerOnRecord:
    "Jag har ingenting om det för tjänsterna du avslutar. En människa kan berätta mer om du ber om det.",
  didNotUnderstand:
    'Förlåt, det förstod jag inte riktigt. Du kan säga "säg upp", ställa en fråga (till exempel "vad kostar det?") eller be att få prata med en människa.',

  messageTooLong: (max) => `Det meddelandet är för långt för mig (högst ${max} tecken).`,
  textOnly: "Jag kan bara läsa textmeddelanden. Vad vill du göra?",

  guardSafeText:
    "Förlåt, jag kunde inte formulera nästa del så att jag kan stå för den, så jag stannar här i stället för att säga något som kan vara fel.",
  guardSafeTextAfterCancellation: (reference) =>
    `Din uppsägning är bekräftad${reference ? ` (referensnummer ${reference})` : ""}. Jag kunde inte formulera resten av detaljerna så att jag kan stå för dem, så en människa kontrollerar dem och skriver till dig; din bekräftelse med e-post kommer.`,
  guardHandoverReason: "En människa går igenom detaljerna med dig.",

  buttons: {
    startCancel: "Säg upp avtal här",
    talkToPerson: "Prata med en människa",
    continue: "Fortsätt",
    whatDoIOwe: "Vad kostar det?",
    confirmCancel: "Säg upp nu",
    keepService: "Jag behåller tjänsten",
    declineOffer: "Nej tack, säg upp",
    acceptOffer: "Jag tar erbjudandet",
    takeOffer: "Ta erbjudandet",
    goAheadCancel: "Fortsätt med uppsägningen",
    allOfThem: "Allt",
    yes: "Ja",
    no: "Nej",
    skip: "Hoppa över",
    showReceipt: "Visa mitt kvitto",
  },

  card: {
    reviewHeading: "Din uppsägning i korthet",
    ends: "Upphör",
    youOwe: "Du betalar",
    waived: "Efterskänkt",
    totalForLeaving: "Totalt för att avsluta",
    confirmHeading: "Bekräfta din uppsägning",
    offerHeading: "Ett frivilligt erbjudande",
    receiptHeading: "Kvitto på uppsägningen",
    reference: "Referensnummer",
    fingerprint: "Kvittots fingeravtryck",
    copyByEmail: "En kopia är på väg till dig med e-post.",
    handoverHeading: "En människa tar över",
    yourReference: "Ditt referensnummer",
  },
};
