/** English: how agents and customers say it. See `types.ts`. */
import type { AssistWording } from "./types.js";

const concepts: Record<string, readonly RegExp[]> = {
  device_unlock: [
    /\bunlock\w*|\bnetwork[- ]lock\w*|\blocked to (?:our|the|this) network/i,
    /\bfree\b|\bno (?:charge|cost|fee)\b|\bwon't cost|\bdoesn't cost|\bat no cost|\bnothing to pay|\b(?:steps|instructions|code)\b/i,
  ],
  porting_code: [
    /\bPAC\b|\bSTAC\b|\bport(?:ing)?[- ](?:authori[sz]ation )?code\b|\b65075\b|\bswitching code\b|\btransfer code\b/i,
  ],
  payment_mandate: [
    /\bdirect debit\b|\bmandate\b|\bautogiro\b|\bstanding order\b|\bLastschrift/i,
    /\bcancel\w*|\bstop\w*|\bend(?:s|ed)?\b|\bfinal bill\b|\blast (?:payment|collection)|\bcollect\w*|\bno need\b|\bwith your bank\b/i,
  ],
  end_date: [
    /\bend(?:s|ed|ing)?\b|\bstop(?:s|ped)?\b|\blast day\b|\bfinish(?:es)?\b|\bclose[sd]?\b|\bcut off\b/i,
    /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b|\bend of (?:the|this|next) month\b|\btomorrow\b/i,
  ],
  charges: [
    // "no fee", "won't cost you a penny": the negation is what is stated, so it opens the match.
    /\bno (?:exit |early |termination |cancellation )?(?:fee|charge|cost)s?\b|\b(?:don't|do not|won't|will not) (?:have to |need to )?pay (?:anything|a penny|a thing)\b|\bwon't cost (?:you )?(?:anything|a penny|a thing)\b|\bcosts?\b|\bcharge[sd]?\b|\bfees?\b|\bowe\b|\bpay\b|\bwaive[sd]?\b|\bfree\b/i,
    /[£$€]\s?\d|\d(?:[.,]\d+)?\s?(?:SEK|EUR|GBP|USD|kr|pounds?|euros?|dollars?|kronor)\b|\bnothing\b|\banything\b|\ba penny\b|\ba thing\b|\bno (?:exit |early |termination |cancellation )?(?:fee|charge|cost)s?\b|\bzero\b|\bwaive[sd]?\b|\bfree of charge\b/i,
  ],
  final_bill: [
    /\bfinal (?:bill|invoice|statement)\b|\blast (?:bill|invoice)\b|\bclosing (?:bill|invoice)\b/i,
    /[£$€]\s?\d|\d(?:[.,]\d+)?\s?(?:SEK|EUR|GBP|USD|kr|pounds?|euros?|dollars?|kronor)\b|\bnothing (?:for|to pay|extra|more)\b|\bnormal charges\b|\bup to (?:the|your) end date\b|\bfor leaving\b/i,
  ],
  final_bill_disputes: [
    /\bdisput\w*|\boverbill\w*|\bovercharg\w*|\bbilled for\b/i,
    /\brefund\w*|\bcredit\w*|\bin your favou?r\b|\bsettle\w*|\bpay (?:you )?back\b/i,
  ],
  financed_device_balance: [
    /\bdevice plan\b|\bbalance\b|\bleft to pay\b|\boutstanding\b|\bstill owe\b|\binstal(?:l)?ments?\b|\bfinanc\w*|\bloan\b/i,
    /\bcontinue\w*|\bcarr(?:y|ies) on\b|\bkeep (?:paying|the (?:phone|device|handset))|\bas agreed\b|\bdoes(?:n't| not) (?:cancel|end|fall due)|\ba month\b|\bmonthly\b|\bowe\b/i,
  ],
  missed_promotion: [
    /\bpromo\w*|\bdiscount\b|\bWELCOME\d+|\boffer you (?:were|was) sold\b/i,
    /\bcredit\w*|\brefund\w*|\bnever (?:been )?applied\b|\bmissed\b|\bpay (?:you )?back\b/i,
  ],
  equipment_return: [
    /\breturn\w*|\bback in the post\b|\b(?:pop|put|drop|pack)\w* (?:it|them|the \w+) (?:back|in the post)\b|\bsend (?:it|them|the (?:\w+ ){1,2})back\b|\bpost (?:it|them) back\b|\bgive (?:it|them) back\b|\bhand (?:it|them) in\b/i,
    /\brouter\b|\bbox\b|\bdevice\b|\bequipment\b|\bmodem\b|\bhub\b|\blabel\b|\bdecoder\b/i,
  ],
  data_export: [
    /\bdownload\w*|\bexport\w*|\bcopy of\b|\bcopies of\b/i,
    /\bbills?\b|\bdata\b|\baccount\b|\binvoices?\b/i,
  ],
  service_stop_notice: [
    /\b(?:message|text|remind|notify|email)\w*\b/i,
    /\bday before\b|\bhour before\b|\bbefore (?:it|the service|your \w+) (?:stops|ends)\b/i,
  ],
  receipt: [
    /\bconfirmation\b|\bconfirming\b|\breceipt\b|\backnowledg\w*|\bin writing\b/i,
    /\bemail\w*|\bsend\w*|\bsent\b|\bpost\b|\bwriting\b/i,
  ],
  // The statement is the negation: "We will not contact you with offers after you leave."
  alumni_consent: [
    /\b(?:won't|will not|not going to|never|don't|do not|no (?:more )?)\s+(?:\w+\s+){0,3}(?:contact|call|email|text|market|send)\w*\b.{0,30}\b(?:offers?|deals?|marketing|promotions?|sales)\b|\bno (?:more )?(?:offers|marketing|sales calls|promotions)\b|\b(?:won't|will not|never) (?:get|receive|hear)\b.{0,30}\b(?:offers?|marketing|deals?|promotions?)\b/i,
    /\bafter you(?:'ve| have)? (?:leave|left|gone|go)\b|\bonce you(?:'ve| have)? (?:leave|left|gone|go)\b|\bwhen you(?:'ve| have)? (?:leave|left|gone)\b|\bafterwards\b|\bfrom now on\b/i,
  ],
  door_open: [
    /\bwelcome back\b|\bcome back\b(?! to you)|\bdoor(?:'s| is| stays)? (?:always )?open\b|\bhere (?:for you|if you need)\b/i,
  ],
  end_of_contract: [
    /\bminimum term\b|\bcontract (?:ends|runs out|finishes)\b|\bend of (?:your|the) (?:contract|term)\b/i,
    /\bno (?:exit |early )?(?:fee|charge)\b|\bwithout (?:an? |any )?(?:exit |early )?(?:fee|charge)\b|\bfree\b|\bnothing to pay\b/i,
  ],
  withdrawal_function: [/\bwithdraw\w*|\bcooling[- ]off\b|\b14 days\b|\bfourteen days\b/i],
  confirm_step: [
    /\bconfirm\w*|\bsay yes\b|\bpress\b/i,
    /\bnothing (?:is|gets|will be) cancel+ed (?:until|before)\b|\bstep 2\b|\bsecond step\b|\bonly (?:\w+ )?(?:once|when|after) you\b|\bonce you (?:say yes|confirm)\b/i,
  ],
  cancellation_fields: [
    /\brecord\w*|\bnot(?:e|ing)\w*|\bwrite down\b/i,
    /\bcancel+ation\b|\baccount number\b|\bend date\b/i,
  ],
  same_medium: [
    /\bcancel\w*/i,
    /\bonline\b|\bright here\b|\bon this call\b|\bsame (?:way|channel|medium)\b/i,
  ],
  cancel_alongside_offer: [
    /\boffer\w*/i,
    /\bno is enough\b|\bsay no\b|\bnext to\b|\balongside\b|\bstill cancel\b/i,
  ],
};
/** A question: ends with "?" or opens with an auxiliary asking the customer. */
const QUESTION =
  /\?\s*$|^\s*(?:(?:so|and|now|ok(?:ay)?|well),?\s+)?(?:do|does|did|would|will|shall|should|can|could|is|are|have|has|may)\s+(?:you|i|we|it|that|there)\b/i;
/** Words that withhold what the sentence is about rather than state it. */
const WITHHOLD =
  /\b(?:can(?:'t|not)|won't|will not|not going to|unable to|not able to|not allowed to|don't|do not|never)\s+(?:\w+\s+){0,2}(?:tell|say|explain|go into|discuss|mention|talk about|give|send|issue|provide|offer|help with)\b|\b(?:later|at some point|another time)\b|\b(?:come|get) back to you\b|\bfollow up\b|\bI think\b|\b(?:I'll|let me) (?:just )?check\b|\bprobably\b|\bmaybe\b|\bI'm not sure\b|\b(?:send|email|text|give) (?:you )?(?:the |all the |more |some )?(?:details|information|info)\b|\bno (?:time|need) (?:for|to (?:go into|talk about|explain|mention))\b|\b(?:later|another time),? (?:not now|we can)\b/i;
/** A negator right before the subject: "we don't unlock", "you won't get a PAC", "there's no final bill". */
const NEGATED_BEFORE = /(?:\bnot|n't|\bnever|\bno|\bwithout)\s+(?:\w+\s+){0,2}$/i;
/** Negations that state a benefit rather than withhold: "no charge", "no need to cancel with your bank". */
const BENEFIT =
  /\bno (?:charge|cost|fee|need)\b|\bfree of charge\b|\bwithout (?:a |any )?(?:charge|fee|cost)\b/i;

/** Words of other topics that mention money or an end: the charges and the end date need their own words then. */
const GUARDS = {
  charges: {
    when: /\bunlock\w*|\blabel\b|\bdisput\w*|\boverbill\w*|\bovercharg\w*|\bleft to pay\b|\boutstanding\b|\bif you wait\b|\bcontract ends\b|\breturn\w*|\bfinal (?:bill|invoice)\b|\bstill owe\b|\bdevice plan\b|\bminimum term\b|\binstal(?:l)?ments?\b/i,
    need: /\bleav\w*|\bcancel\w*|\bending\b|\bto go\b|\btermination\b/i,
  },
  end_date: {
    when: /\bif you wait\b|\bminimum term\b|\bcontract term\b|\bpromotion\b|\bdiscount\b/i,
    need: /(?!)/,
  },
};

const KIND_WORDS: Record<string, RegExp> = {
  broadband: /\b(?:broadband|internet|fib(?:re|er)|wi-?fi|router|dsl)\b/i,
  tv: /\b(?:tv|television|channels?|set[- ]top|box)\b/i,
  mobile: /\b(?:mobile|phone|sim|handset|airtime)\b/i,
  landline: /\b(?:landline|home phone|line)\b/i,
  subscription: /\b(?:subscription|membership|streaming)\b/i,
};
const EVERY = /\b(?:both|all|each|every\w*|everything)\b/i;

/** "I'll cancel that now", "that's cancelled for you", "I've processed the cancellation". */
const CONFIRMATION = [
  /\bI(?:'ll| will| am going to|'m going to| can)\s+(?:go ahead and\s+|now\s+|just\s+)?(?:cancel|process|close|terminate|end)\s+(?:that|this|it|the (?:account|contract|cancellation|services?)|your \w+(?: and (?:your )?\w+)?|everything)\b/i,
  /\b(?:that's|that is|it's|it is|you're|you are|everything's|everything is|your \w+(?: and (?:your )?\w+)? (?:is|are)|they're|they are)\s+(?:now\s+|all\s+)?(?:cancel+ed|closed|terminated|done)\b/i,
  /\bI(?:'ve| have)\s+(?:now\s+|just\s+)?(?:cancel+ed|processed|closed|terminated|put through|submitted)\b/i,
  /\b(?:the )?cancel+ation\s+(?:is|has been)\s+(?:now\s+)?(?:done|complete|completed|confirmed|processed|through)\b/i,
  /\bcancel+ing (?:it|that|them|your \w+) (?:now|right now|for you)\b/i,
];
const ASKING = /\?\s*$|^\s*(?:shall|should|can|may|do you want me to|would you like me to)\b/i;

const OFFER = new RegExp(
  [
    String.raw`\b(?:I|we) (?:can|could|'d like to|would like to|'ll) (?:offer|give|do) you\b`,
    String.raw`\b(?:I|we) (?:can|could|'ll) (?:take|knock) .{1,40}\boff\b`,
    String.raw`\bhow about\b`,
    String.raw`\bwhat if (?:I|we)\b`,
    String.raw`\binstead of (?:leaving|cancel\w*)`,
    String.raw`\b(?:a|an|our) (?:special |exclusive |loyalty |retention )?(?:discount|deal|offer|upgrade)\b`,
    String.raw`\b\d+\s?% off\b`,
    String.raw`(?:[£$€]\s?\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)? ?(?:SEK|EUR|kr)) (?:a|per) month off\b`,
    String.raw`\bhalf price\b`,
    String.raw`\bfree (?:month|months|upgrade)\b`,
    String.raw`\bstay with us\b`,
  ].join("|"),
  "i",
);
const NOT_AN_OFFER =
  /\b(?:no|not (?:an?|any)|never (?:an?|any)) (?:offers?|discounts?|deals?)\b|\bwon't (?:offer|try to keep)\b/i;
const DECLINE =
  /^\s*no\b|\bno,? thanks?\b|\bno thank you\b|\bnot interested\b|\bjust (?:cancel|close|end)\b|\bi (?:just )?want to (?:cancel|leave|go)\b|\b(?:don't|do not) want (?:the|an|any|your) (?:offer|discount|deal)\b|\bi(?:'ve| have) (?:already )?decided\b|\bi(?:'m| am) (?:still )?leaving\b/i;

export const en: AssistWording = {
  lang: "en",
  concepts,
  negativeTopics: ["alumni_consent"],
  guards: GUARDS,
  question: QUESTION,
  withhold: WITHHOLD,
  negatedBefore: NEGATED_BEFORE,
  benefit: BENEFIT,
  serviceKinds: KIND_WORDS,
  every: EVERY,
  confirmation: CONFIRMATION,
  asking: ASKING,
  offer: OFFER,
  notAnOffer: NOT_AN_OFFER,
  decline: DECLINE,
  markers: [
    "i",
    "you",
    "your",
    "we",
    "it",
    "is",
    "are",
    "the",
    "a",
    "and",
    "to",
    "of",
    "for",
    "on",
    "with",
    "will",
    "can",
    "that",
    "this",
    "not",
    "no",
    "be",
    "have",
    "has",
    "what",
    "before",
    "after",
    "free",
    "send",
  ],
};
