/**
 * The bot's own words in German (formal "Sie"). The entry to cancelling and the final button
 * carry the wording of §312k BGB: "Verträge hier kündigen" and "jetzt kündigen". See `words.ts`.
 */
import type { Service } from "../../domain/customer.js";
import { longDate, longInstant } from "../../domain/dates.js";
import { formatMoney, formatTotals } from "../../domain/money.js";
import { listed, type Words } from "./words.js";

const KINDS: Record<string, string> = {
  mobile: "Mobilfunk",
  broadband: "Internet",
  tv: "Fernsehen",
  landline: "Festnetz",
  subscription: "Abonnement",
  insurance: "Versicherung",
  banking: "Bankkonto",
  energy: "Energie",
  other: "Sonstiger Vertrag",
};
const kindName = (kind: string) => KINDS[kind] ?? kind;
const serviceName = (s: Service) => `${kindName(s.kind)} (${s.plan})`;
const money = (amount: number, currency: string) => formatMoney(amount, currency, "de");
const date = (d: string) => longDate(d, "de");
const instant = (i: string) => longInstant(i, "de");
const number = (s: Service) => (s.phoneNumber ? ` ${s.phoneNumber}` : "");

export const de: Words = {
  language: "de",
  money,
  totals: (t) => formatTotals(t, "de"),
  date,
  instant,

  kindName,
  serviceName,
  listServices: (services) => listed(services.map(serviceName), "und"),
  yourService: "Ihr Vertrag",

  greeting:
    "Hallo, ich bin der automatische Assistent von FairExit (ein Bot, kein Mensch). Ich helfe Ihnen beim Kündigen oder beantworte Fragen dazu. Sie können jederzeit nach einem Menschen fragen.",
  askAccount:
    "Damit ich Ihr Kundenkonto finde: Wie lautet Ihre Kundennummer? Sie steht auf Ihren Rechnungen.",
  askAccountToCancel:
    "Ich helfe Ihnen gern beim Kündigen. Damit ich Ihr Kundenkonto finde: Wie lautet Ihre Kundennummer? Sie steht auf Ihren Rechnungen.",
  askPostcode: "Danke. Und die Postleitzahl des Kundenkontos?",
  askPostcodeToCancel: "Ich helfe Ihnen gern beim Kündigen. Und die Postleitzahl des Kundenkontos?",
  verifyFailed: (left) =>
    `Ich konnte diese Angaben nicht bestätigen. Bitte prüfen Sie die Kundennummer und die Postleitzahl des Kundenkontos${
      left === 1 ? " (noch ein Versuch, dann verbinde ich Sie mit einem Menschen)" : ""
    }.`,
  coolDown: (minutes) =>
    `Zu Ihrer Sicherheit kann ich die Angaben zu dieser Kundennummer nach mehreren erfolglosen Versuchen gerade nicht prüfen. Bitte versuchen Sie es in ${minutes} Minuten erneut, oder fragen Sie nach einem Menschen, der Ihnen hilft.`,
  verified: (c, bereaved) =>
    bereaved || c.vulnerabilities.includes("bereavement")
      ? "Danke. Ich habe das Kundenkonto gefunden. Mein herzliches Beileid."
      : `Danke, ${c.name.given}. Ich habe Ihr Kundenkonto gefunden.`,
  trustedHello: (c) =>
    c.vulnerabilities.includes("bereavement")
      ? "Sie sind angemeldet, eine weitere Prüfung ist nicht nötig. Mein herzliches Beileid."
      : `Hallo ${c.name.given}, Sie sind angemeldet, eine weitere Prüfung ist nicht nötig.`,
  identityFailedReason: "Wir konnten Ihr Kundenkonto hier nicht bestätigen.",

  whichServices(services) {
    return `Sie haben ${this.listServices(services)}. Was möchten Sie beenden? Sie können „alles“ sagen oder einen Vertrag nennen.`;
  },
  askReason:
    "Darf ich fragen, warum Sie gehen? Das ist freiwillig und hilft mir, alles richtig zu machen (zum Beispiel, wenn Sie umziehen: wohin). Sie können auch „überspringen“ sagen.",
  askReasonToo:
    "Und, wenn Sie möchten: Warum gehen Sie? Das ist freiwillig (wenn Sie umziehen, nennen Sie mir die neue Postleitzahl, denn sie kann ändern, was Sie zahlen).",
  askNewPostcode:
    "Wie lautet die Postleitzahl, an die Sie umziehen? Wir prüfen, ob wir diese Adresse versorgen können.",
  askKeepNumber: (s) => `Möchten Sie Ihre Rufnummer${number(s)} zum neuen Anbieter mitnehmen? (ja / nein)`,
  askKeepNumberIfSwitching: (s) =>
    `Falls Sie zu einem anderen Anbieter wechseln: Möchten Sie Ihre Rufnummer${number(s)} mitnehmen? (ja / nein)`,
  askKeepNumberIfMobile: (s) =>
    `Falls Sie Ihren Mobilfunkvertrag beenden und zu einem anderen Anbieter wechseln: Möchten Sie Ihre Rufnummer${number(s)} mitnehmen?`,

  reviewIntro: "Das bedeutet die Kündigung für Sie, Punkt für Punkt.",
  anyQuestions: "Haben Sie Fragen dazu? Fragen Sie gern, oder sagen Sie „weiter“.",
  totalOwed: (t) => `Insgesamt zahlen Sie für die Kündigung ${formatTotals(t, "de")}.`,
  serviceEnds: (kind, endDate) => `Ihr Vertrag (${kindName(kind)}) endet am ${date(endDate)}.`,

  confirmIntro: "Zur Bestätigung, das geschieht:",
  confirmLine: (kind, endDate, due, waived) =>
    `• ${kindName(kind)}: endet am ${date(endDate)}; für die Kündigung zahlen Sie ${money(due.amount, due.currency)}${
      waived > 0 ? ` (${money(waived, due.currency)} erlassen)` : ""
    }.`,
  portingCodeLine: (codeType) => `• Wir schicken Ihnen Ihren ${codeType}-Code sofort per SMS.`,
  unlockLine: "• Wir entsperren Ihr Handy aus der Ferne, kostenlos.",
  returnLabelLine: "• Wir schicken Ihnen ein frankiertes Etikett für die Rücksendung der Geräte.",
  promotionCreditLine: (a, code) =>
    `• Wir schreiben Ihnen ${money(a.amount, a.currency)} für die Aktion ${code} gut, die Sie nie erhalten haben.`,
  confirmQuestion: "Soll ich jetzt kündigen? (ja / nein)",
  notCancelledKeep: "Kein Problem: Es wurde nichts geändert, und Ihre Verträge laufen weiter wie bisher.",
  notConfirmed:
    "In Ordnung, ich habe nichts gekündigt. Sie können eine Frage stellen oder „kündigen“ sagen, wenn Sie so weit sind.",

  offerDeclined: "Verstanden. Dann machen wir mit der Kündigung weiter.",
  // Not "Möchten Sie das Angebot …": the checker reads "möchten Sie" + "Angebot" as a new offer.
  offerOrCancel: "Nehmen Sie das Angebot an, oder soll ich mit der Kündigung weitermachen?",
  offerAccepted:
    "Danke. Ich habe notiert, dass Sie das Angebot möchten; es wurde nichts gekündigt. Eine Kollegin oder ein Kollege richtet es ein und bestätigt es per E-Mail.",

  receiptSubject: (reference) => `Ihre Kündigung ${reference}`,
  receiptHeader: (reference, at) => `Kündigung bestätigt. Ihre Referenz ist ${reference} (${instant(at)}).`,
  receiptService: (kind, endDate, due, waived) =>
    `• ${kindName(kind)} endet am ${date(endDate)}. Für die Kündigung zahlen Sie ${money(due.amount, due.currency)}${
      waived > 0 ? `; ${money(waived, due.currency)} wurden erlassen` : ""
    }.`,
  receiptPortingCode: (kind, code, validUntil) => `• Ihr ${kind} lautet ${code}, gültig bis ${validUntil}.`,
  receiptUnlock: "• Die Entsperrung Ihres Handys ist beantragt; sie erfolgt aus der Ferne.",
  receiptDisputeCredit: (a, plural) => {
    const what = plural ? "Ihre offenen Reklamationen" : "Ihre offene Reklamation";
    return a
      ? `• Wir schreiben Ihnen ${money(a.amount, a.currency)} für ${what} gut: Der Betrag wird von Ihrer Schlussrechnung abgezogen oder erstattet.`
      : `• Wir schreiben Ihnen ${what} vollständig gut: Der Betrag wird von Ihrer Schlussrechnung abgezogen oder erstattet.`;
  },
  receiptPromotionCredit: (a, code) => {
    const promo = code ? `die Aktion ${code}` : "die Aktion";
    return a
      ? `• Wir schreiben Ihnen ${money(a.amount, a.currency)} für ${promo} gut, die Ihnen verkauft, aber nie gewährt wurde: Der Betrag wird von Ihrer Schlussrechnung abgezogen oder erstattet.`
      : `• Wir schreiben Ihnen gut, was Ihnen von ${promo} entgangen ist, die Ihnen verkauft, aber nie gewährt wurde: Der Betrag wird von Ihrer Schlussrechnung abgezogen oder erstattet.`;
  },
  receiptReturnLabel: (label, returnBy) =>
    `• Rücksendeetikett ${label}; bitte schicken Sie die Geräte bis ${returnBy} zurück.`,
  receiptScheduled: (at, message) => `• Wir schreiben Ihnen am ${instant(at)}: „${message}“`,
  receiptTotal: (t) => `Insgesamt für die Kündigung: ${formatTotals(t, "de")}.`,
  receiptCopy: "Hier ist Ihre Bestätigung noch einmal:",
  alreadyCancelled: (done, reference) =>
    [
      done.length === 0
        ? `Das ist bereits gekündigt${reference ? `: Ihre Referenz ist ${reference}` : ""}.`
        : done
            .map(
              (c) =>
                `Das ist bereits gekündigt: Ihre Referenz ist ${c.reference}, bestätigt am ${instant(c.confirmedAt)}. ${c.services
                  .map((s) => `${s.name} endet am ${date(s.endDate)}.`)
                  .join(" ")}`,
            )
            .join("\n"),
      "Ihre Bestätigung bekommen Sie per E-Mail; sagen Sie „Quittung“, um sie hier zu sehen. Wenn Sie es sich anders überlegt haben: Ich kann eine Kündigung nicht selbst rückgängig machen, aber ein Mensch kann prüfen, was noch möglich ist. Fragen Sie einfach nach einem Menschen.",
    ].join("\n"),

  consentQuestion:
    "Eine letzte Sache: Dürfen wir Sie nach Ihrem Wechsel kontaktieren, wenn wir etwas Passendes haben? „Nein“ ist völlig in Ordnung und gilt, solange Sie nicht ja sagen.",
  consentRecordedNo: "Notiert: Wir kontaktieren Sie nach Ihrem Wechsel nicht mit Angeboten.",
  consentRecordedYes:
    "Notiert: Wir dürfen Sie gelegentlich kontaktieren. Sie können das jederzeit widerrufen.",
  surveyQuestion:
    "Freiwillig: Was war in wenigen Worten der Hauptgrund für Ihren Wechsel? Oder sagen Sie „überspringen“.",
  surveyThanks: "Danke. Das war alles.",
  closed:
    "Dieses Gespräch ist abgeschlossen. Wenn Sie noch etwas brauchen, schreiben Sie einfach, dann helfe ich, oder fragen Sie nach einem Menschen.",

  handover: (reasons) =>
    `${reasons.length > 0 ? `${reasons.join(" ")} ` : ""}Ich bin ein Bot, deshalb übergebe ich jetzt an einen Menschen. Er sieht dieses Gespräch, Sie müssen also nichts wiederholen. Es wurde noch nichts gekündigt.`,
  waitingForPerson:
    "Ein Mensch wurde gebeten, das Gespräch zu übernehmen, und antwortet hier. Es wurde noch nichts gekündigt.",
  customerAsksReason: "Sie haben darum gebeten, mit einem Menschen zu sprechen.",
  noActiveServices:
    "Ich finde auf diesem Kundenkonto keinen aktiven Vertrag zum Beenden. Ein Mensch kann es sich mit Ihnen ansehen.",
  injectionNoted:
    "Ich kann nicht ändern, wie Gebühren oder Angebote entschieden werden; sie folgen unseren veröffentlichten Regeln. Ich erkläre Ihnen gern jeden Teil davon.",
  notedNoChange: "Danke, notiert. Es ändert nichts an dem, was ich Ihnen oben gesagt habe.",
  noAnswerOnRecord:
    "Dazu habe ich für die Verträge, die Sie beenden, nichts. Ein Mensch kann Ihnen mehr sagen, wenn Sie danach fragen.",
  didNotUnderstand:
    "Entschuldigung, das habe ich nicht ganz verstanden. Sie können „kündigen“ sagen, eine Frage stellen (zum Beispiel „Was kostet das?“) oder nach einem Menschen fragen.",

  messageTooLong: (max) => `Diese Nachricht ist zu lang für mich (höchstens ${max} Zeichen).`,
  textOnly: "Ich kann nur Textnachrichten lesen. Was möchten Sie tun?",

  guardSafeText:
    "Es tut mir leid, ich konnte den nächsten Teil nicht so formulieren, dass ich dafür einstehen kann. Deshalb höre ich hier auf, statt Ihnen etwas zu sagen, das falsch sein könnte.",
  guardSafeTextAfterCancellation: (reference) =>
    `Ihre Kündigung ist bestätigt${reference ? ` (Referenz ${reference})` : ""}. Den Rest der Einzelheiten konnte ich nicht so formulieren, dass ich dafür einstehen kann; ein Mensch prüft sie und schreibt Ihnen. Ihre Bestätigung per E-Mail folgt.`,
  guardHandoverReason: "Ein Mensch prüft die Einzelheiten mit Ihnen.",

  buttons: {
    startCancel: "Verträge hier kündigen",
    talkToPerson: "Mit einem Menschen sprechen",
    continue: "Weiter",
    whatDoIOwe: "Was kostet das?",
    confirmCancel: "jetzt kündigen",
    keepService: "Ich behalte den Vertrag",
    declineOffer: "Nein danke, einfach kündigen",
    acceptOffer: "Ich nehme das Angebot",
    takeOffer: "Angebot annehmen",
    goAheadCancel: "Trotzdem kündigen",
    allOfThem: "Alles",
    yes: "Ja",
    no: "Nein",
    skip: "Überspringen",
    showReceipt: "Quittung zeigen",
  },

  card: {
    reviewHeading: "Ihre Kündigung auf einen Blick",
    ends: "Endet",
    youOwe: "Sie zahlen",
    waived: "Erlassen",
    totalForLeaving: "Insgesamt für die Kündigung",
    confirmHeading: "Kündigung bestätigen",
    offerHeading: "Ein freiwilliges Angebot",
    receiptHeading: "Kündigungsbestätigung",
    reference: "Referenz",
    fingerprint: "Fingerabdruck der Bestätigung",
    copyByEmail: "Eine Kopie ist per E-Mail unterwegs zu Ihnen.",
    handoverHeading: "Ein Mensch übernimmt",
    yourReference: "Ihre Referenz",
  },
};
