/**
 * What each demo customer would tell the bot about leaving, for conversations that are not
 * scripted in the bot's order: the reason in their words, the postcode they move to (when
 * moving), and whether the conversation ends with a person by policy (a bereavement, money
 * trouble, a promise not on record) rather than with a cancellation.
 */

export interface DemoStory {
  customerId: string;
  accountNumber: string;
  postcode: string;
  /** Why they leave, as they would say it when asked (or unasked). */
  reason: string;
  /** Where they move to, when the reason is moving. */
  newPostcode?: string;
  /** The policy hands the conversation to a person (nothing is executed by the bot). */
  handedOver?: boolean;
}

export const DEMO_STORIES: readonly DemoStory[] = [
  {
    customerId: "cust-se-moving",
    accountNumber: "SE204718",
    postcode: "169 57",
    reason: "we're moving to Jokkmokk",
    newPostcode: "962 31",
  },
  {
    customerId: "cust-uk-locked-handset",
    accountNumber: "UK318826",
    postcode: "M14 5RT",
    reason: "I'm switching to another network",
  },
  {
    customerId: "cust-uk-paytv-outages",
    accountNumber: "UK104552",
    postcode: "BS6 5QA",
    reason: "the service keeps dropping and you billed me for a channel I never ordered",
  },
  {
    customerId: "cust-uk-new-broadband",
    accountNumber: "UK550913",
    postcode: "NG7 2RD",
    reason: "the installer was 3 hours late and you charged me a fee nobody mentioned",
  },
  {
    customerId: "cust-se-17-years",
    accountNumber: "SE100937",
    postcode: "167 65",
    reason: "det är för dyrt",
  },
  { customerId: "cust-de-rolling", accountNumber: "DE730415", postcode: "10439", reason: "zu teuer" },
  {
    customerId: "cust-us-ca-streaming",
    accountNumber: "US882061",
    postcode: "90026",
    reason: "it's too expensive",
  },
  {
    customerId: "cust-de-cooling-off",
    accountNumber: "DE731108",
    postcode: "80337",
    reason: "I changed my mind",
  },
  {
    customerId: "cust-uk-financed-handset",
    accountNumber: "UK627340",
    postcode: "CF24 3AS",
    reason: "I lost my job and can't afford it",
    handedOver: true,
  },
  {
    customerId: "cust-uk-price-rise",
    accountNumber: "UK481207",
    postcode: "LS6 3HN",
    reason: "you put the price up",
  },
  {
    customerId: "cust-uk-bereaved",
    accountNumber: "UK209934",
    postcode: "NR2 3PB",
    reason: "my father passed away",
    handedOver: true,
  },
  {
    customerId: "cust-se-winback-consent",
    accountNumber: "SE318250",
    postcode: "413 04",
    reason: "it's too expensive",
  },
  {
    customerId: "cust-uk-unrecorded-promise",
    accountNumber: "UK733015",
    postcode: "BN2 9QA",
    reason: "the salesman promised me I could leave at any time without a fee",
    handedOver: true,
  },
];
