/** The bot's own words in English. See `words.ts`. */
import type { Service } from "../../domain/customer.js";
import { longDate, longInstant } from "../../domain/dates.js";
import { formatMoney, formatTotals } from "../../domain/money.js";
import { listed, type Words } from "./words.js";

const kindName = (kind: string) => (kind === "tv" ? "TV" : `${kind.charAt(0).toUpperCase()}${kind.slice(1)}`);
const serviceName = (s: Service) => `${s.kind === "tv" ? "TV" : s.kind} (${s.plan})`;
const capitalised = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
const money = (amount: number, currency: string) => formatMoney(amount, currency, "en");
const number = (s: Service) => (s.phoneNumber ? ` ${s.phoneNumber}` : "");

export const en: Words = {
  language: "en",
  money,
  totals: (t) => formatTotals(t, "en"),
  date: (d) => longDate(d, "en"),
  instant: (i) => longInstant(i, "en"),

  kindName,
  serviceName,
  listServices: (services) => listed(services.map(serviceName), "and"),
  yourService: "Your service",

  greeting:
    "Hi, I'm FairExit's automated assistant (a bot, not a person). I can help you cancel, or answer questions about leaving. You can ask for a person at any time.",
  askAccount: "To find your account, what is your account number? It is on your bills.",
  askAccountToCancel:
    "I can help you cancel. To find your account, what is your account number? It is on your bills.",
  askPostcode: "Thanks. And the postcode on the account?",
  askPostcodeToCancel: "I can help you cancel. And the postcode on the account?",
  verifyFailed: (left) =>
    `I couldn't verify those details. Please check the account number and the postcode on the account${
      left === 1 ? " (one more try, then I'll pass you to a person)" : ""
    }.`,
  coolDown: (minutes) =>
    `For your security I can't check the details for that account number right now, after several unsuccessful tries. Please try again in ${minutes} minutes, or ask for a person and they'll help you.`,
  verified: (c, bereaved) =>
    bereaved || c.vulnerabilities.includes("bereavement")
      ? "Thank you. I've found the account. I'm sorry for your loss."
      : `Thanks, ${c.name.given}. I've found your account.`,
  trustedHello: (c) =>
    c.vulnerabilities.includes("bereavement")
      ? "You're signed in, so there's no need to verify again. I'm sorry for your loss."
      : `Hi ${c.name.given}, you're signed in, so there's no need to verify again.`,
  identityFailedReason: "We couldn't verify your account here.",

  whichServices(services) {
    return `You have ${this.listServices(services)}. Which would you like to end? You can say "all" or name one.`;
  },
  askReason:
    "May I ask why you're leaving? It's optional, and it helps me get the details right (for example, if you're moving, where to). You can also say \"skip\".",
  askReasonToo:
    "And, if you like, why you're leaving? It's optional (if you're moving, tell me the new postcode, as it can change what you owe).",
  askNewPostcode: "What's the postcode you're moving to? We'll check whether we can serve that address.",
  askKeepNumber: (s) => `Do you want to keep your number${number(s)} with your new provider? (yes / no)`,
  askKeepNumberIfSwitching: (s) =>
    `If you're going to another provider, do you want to keep your number${number(s)}? (yes / no)`,
  askKeepNumberIfMobile: (s) =>
    `If you're ending your mobile and going to another provider, do you want to keep your number${number(s)}?`,

  reviewIntro: "Here is what leaving means for you, one topic at a time.",
  anyQuestions: 'Any questions about this? Ask away, or say "continue".',
  totalOwed: (t) => `In total you owe ${formatTotals(t, "en")} for leaving.`,
  serviceEnds: (kind, endDate) => `Your ${kind} service ends on ${longDate(endDate, "en")}.`,

  confirmIntro: "To confirm, here's what will happen:",
  confirmLine: (kind, endDate, due, waived) =>
    `• ${kindName(kind)}: ends ${longDate(endDate, "en")}; you owe ${money(due.amount, due.currency)} for leaving${
      waived > 0 ? ` (${money(waived, due.currency)} waived)` : ""
    }.`,
  portingCodeLine: (codeType) => `• We send your ${codeType} code by text right away.`,
  unlockLine: "• We unlock your handset remotely, free of charge.",
  returnLabelLine: "• We send a prepaid label to return the equipment.",
  promotionCreditLine: (a, code) =>
    `• We credit ${money(a.amount, a.currency)} for the ${code} promotion you never got.`,
  confirmQuestion: "Shall I go ahead and cancel? (yes / no)",
  notCancelledKeep: "No problem: nothing has been changed, and your services continue as before.",
  notConfirmed:
    "Okay, I haven't cancelled anything. You can ask a question, or say \"cancel\" when you're ready.",

  offerDeclined: "Understood. Let's carry on with the cancellation.",
  offerOrCancel: "Do you want to take the offer, or go ahead with the cancellation?",
  offerAccepted:
    "Thanks. I've recorded that you'd like the offer; nothing has been cancelled. A colleague will apply it and confirm by email.",

  receiptSubject: (reference) => `Your cancellation ${reference}`,
  receiptHeader: (reference, at) =>
    `Cancellation confirmed. Your reference is ${reference} (${longInstant(at, "en")}).`,
  receiptService: (kind, endDate, due, waived) =>
    `• ${kindName(kind)} ends on ${longDate(endDate, "en")}. For leaving you owe ${money(due.amount, due.currency)}${
      waived > 0 ? `; ${money(waived, due.currency)} was waived` : ""
    }.`,
  receiptPortingCode: (kind, code, validUntil) => `• Your ${kind} is ${code}, valid until ${validUntil}.`,
  receiptUnlock: "• Your handset unlock has been requested; it happens remotely.",
  receiptDisputeCredit: (a, plural) => {
    const what = plural ? "your open disputes" : "your open dispute";
    return a
      ? `• We credit ${money(a.amount, a.currency)} for ${what}: it comes off your final bill, or we refund it.`
      : `• We credit ${what} in full: the amount comes off your final bill, or we refund it.`;
  },
  receiptPromotionCredit: (a, code) => {
    const the = code ? `the ${code}` : "the";
    return a
      ? `• We credit ${money(a.amount, a.currency)} for ${the} promotion you were sold but never got: it comes off your final bill, or we refund it.`
      : `• We credit what you missed of ${the} promotion you were sold but never got: it comes off your final bill, or we refund it.`;
  },
  receiptReturnLabel: (label, returnBy) =>
    `• Return label ${label}; please return the equipment by ${returnBy}.`,
  receiptScheduled: (at, message) => `• We will message you on ${longInstant(at, "en")}: "${message}"`,
  receiptTotal: (t) => `Total for leaving: ${formatTotals(t, "en")}.`,
  receiptCopy: "Here is your receipt again:",
  alreadyCancelled: (done, reference) =>
    [
      done.length === 0
        ? `This is already cancelled${reference ? `: your reference is ${reference}` : ""}.`
        : done
            .map(
              (c) =>
                `This is already cancelled: your reference is ${c.reference}, confirmed on ${longInstant(c.confirmedAt, "en")}. ${c.services
                  .map((s) => `${capitalised(s.name)} ends on ${longDate(s.endDate, "en")}.`)
                  .join(" ")}`,
            )
            .join("\n"),
      'Your receipt is sent to you by email; say "receipt" to see it here. If you have changed your mind, I can\'t undo a cancellation myself, but a person can check what is still possible: just ask for a person.',
    ].join("\n"),

  consentQuestion:
    'One last thing: may we contact you after you leave if we have something relevant? "No" is completely fine and is what we assume unless you say yes.',
  consentRecordedNo: "Noted: we won't contact you with offers after you leave.",
  consentRecordedYes: "Noted: we may contact you occasionally. You can withdraw this at any time.",
  surveyQuestion: 'Optional: in a few words, what was the main reason you left? Or say "skip".',
  surveyThanks: "Thank you. That's everything.",
  closed:
    "This conversation is complete. If you need anything else, just write and I'll help, or ask for a person.",

  handover: (reasons) =>
    `${reasons.length > 0 ? `${reasons.join(" ")} ` : ""}I'm a bot, so I'm passing you to a person now. They'll see this conversation, so you won't need to repeat yourself. Nothing has been cancelled yet.`,
  waitingForPerson:
    "A person has been asked to take over and will reply here. Nothing has been cancelled yet.",
  customerAsksReason: "You asked to talk to a person.",
  noActiveServices:
    "I can't find an active service on this account to end. A person can look at it with you.",
  injectionNoted:
    "I can't change how fees or offers are decided; they follow our published policy. I'm happy to explain any part of it.",
  notedNoChange: "Thanks, noted. It doesn't change anything I've told you above.",
  noAnswerOnRecord:
    "I don't have anything on that for the services you're ending. A person can tell you more if you ask for one.",
  didNotUnderstand:
    'Sorry, I didn\'t quite get that. You can say "cancel", ask a question (for example "what do I owe?"), or ask for a person.',

  messageTooLong: (max) => `That message is too long for me (at most ${max} characters).`,
  textOnly: "I can only read text messages. What would you like to do?",

  guardSafeText:
    "I'm sorry, I couldn't put the next part into words I can stand behind, so I've stopped here rather than tell you something that might be wrong.",
  guardSafeTextAfterCancellation: (reference) =>
    `Your cancellation is confirmed${reference ? ` (reference ${reference})` : ""}. I couldn't put the rest of the details into words I can stand behind, so a person will check them and write to you; your email confirmation follows.`,
  guardHandoverReason: "A person will check the details with you.",

  buttons: {
    startCancel: "I want to cancel",
    talkToPerson: "Talk to a person",
    continue: "Continue",
    whatDoIOwe: "What do I owe?",
    confirmCancel: "Confirm cancellation",
    keepService: "Keep my service",
    declineOffer: "No thanks, cancel",
    acceptOffer: "I'll take the offer",
    takeOffer: "Take the offer",
    goAheadCancel: "Go ahead and cancel",
    allOfThem: "All of them",
    yes: "Yes",
    no: "No",
    skip: "Skip",
    showReceipt: "Show my receipt",
  },

  card: {
    reviewHeading: "Your cancellation at a glance",
    ends: "Ends",
    youOwe: "You owe",
    waived: "Waived",
    totalForLeaving: "Total for leaving",
    confirmHeading: "Confirm your cancellation",
    offerHeading: "One optional offer",
    receiptHeading: "Cancellation receipt",
    reference: "Reference",
    fingerprint: "Receipt fingerprint",
    copyByEmail: "A copy is on its way to you by email.",
    handoverHeading: "A person will take over",
    yourReference: "Your reference",
  },
};
