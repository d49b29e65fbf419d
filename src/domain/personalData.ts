/**
 * The field names that hold personal data in FairExit's model, its conversations and its
 * records: one list, so the log redaction and the audit masking cannot drift apart.
 */
export const PERSONAL_DATA_FIELDS = [
  "name",
  "given",
  "family",
  "email",
  "phone",
  "phoneNumber",
  "postcode",
  "newPostcode",
  "address",
  "accountNumber",
  "imei",
  "serial",
  "mandateReference",
  "last4",
] as const;
