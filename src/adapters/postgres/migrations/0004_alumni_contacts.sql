-- The alumni contact log: one row a contact a marketing tool recorded with a former customer
-- (POST /api/alumni/:customerId/contact). No personal data: the customer id, when, the channel
-- and the campaign's name. Recording takes a transaction-scoped advisory lock per customer, so
-- the cap (the policy's alumni.maxContacts) is checked and written as one step on every instance.

CREATE TABLE alumni_contacts (
  id          text PRIMARY KEY,
  customer_id text NOT NULL,
  at          timestamptz NOT NULL,
  channel     text NOT NULL,
  campaign    text,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX alumni_contacts_customer_at ON alumni_contacts (customer_id, at);
