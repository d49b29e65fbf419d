-- The store of several FairExit instances: customers and coverage, conversations, audit trail.
-- Documents are kept as the JSON text FairExit wrote (exact round trip, ISO dates as written);
-- the columns beside them are what queries filter and order on.

CREATE TABLE customers (
  id             text PRIMARY KEY,
  account_number text NOT NULL,
  doc            text NOT NULL,
  written        bigserial NOT NULL
);
CREATE INDEX customers_account_number ON customers (account_number, written DESC);

-- One row per setting (coverage …), its value as JSON text.
CREATE TABLE store_settings (
  name  text PRIMARY KEY,
  value text NOT NULL
);

-- turn_count is the conversation's version: a turn is appended only where it is the next one,
-- so two instances writing the same conversation at once cannot both succeed.
CREATE TABLE conversations (
  id          text PRIMARY KEY,
  customer_id text,
  channel     text NOT NULL,
  started_at  text NOT NULL,
  updated_at  text NOT NULL,
  state       text NOT NULL,
  turn_count  integer NOT NULL DEFAULT 0,
  created     bigserial NOT NULL
);
CREATE INDEX conversations_customer ON conversations (customer_id);

CREATE TABLE conversation_turns (
  conversation_id text NOT NULL REFERENCES conversations (id),
  seq             integer NOT NULL,
  turn            text NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);

-- The hash-chained audit trail: appended under an advisory lock, one chain for all instances.
CREATE TABLE audit_entries (
  seq             bigint PRIMARY KEY,
  conversation_id text NOT NULL,
  entry           text NOT NULL
);
CREATE INDEX audit_entries_conversation ON audit_entries (conversation_id, seq);

-- Where the chain ended when last written, signed with the audit key: a deleted tail is found.
CREATE TABLE audit_anchor (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  seq      bigint NOT NULL,
  hash     text NOT NULL,
  mac      text NOT NULL
);
