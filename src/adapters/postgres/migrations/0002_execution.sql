-- The execution layer shared by every instance: outbox, confirmed cancellations, the embedded
-- operations' journal, sent notifications, hand-overs.

CREATE TABLE outbox_items (
  id              text PRIMARY KEY,
  conversation_id text,
  status          text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL,
  due_at          timestamptz NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  created_at      timestamptz NOT NULL,
  after_ids       text[] NOT NULL DEFAULT '{}',
  item            text NOT NULL,
  -- The instance attempting the item, until when: another instance leaves it alone till then.
  claimed_by      text,
  claimed_until   timestamptz,
  enqueued        bigserial NOT NULL
);
CREATE INDEX outbox_items_pending ON outbox_items (due_at, enqueued) WHERE status = 'pending';
CREATE INDEX outbox_items_conversation ON outbox_items (conversation_id, enqueued);

CREATE TABLE cancellations (
  conversation_id text PRIMARY KEY,
  recorded        boolean NOT NULL DEFAULT false,
  doc             text NOT NULL,
  committed       bigserial NOT NULL
);
CREATE INDEX cancellations_unrecorded ON cancellations (committed) WHERE NOT recorded;

-- A service is cancelled once: a second confirmation for it fails on this key, even when two
-- instances commit at the same moment.
CREATE TABLE cancelled_services (
  service_id      text PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES cancellations (conversation_id)
);

CREATE TABLE operations_journal (
  key    text PRIMARY KEY,
  action text NOT NULL,
  result text NOT NULL
);

CREATE TABLE notifications (
  idempotency_key text PRIMARY KEY,
  customer_id     text NOT NULL,
  message         text NOT NULL,
  sent_at         text NOT NULL,
  sent            bigserial NOT NULL
);
CREATE INDEX notifications_customer ON notifications (customer_id, sent);

CREATE TABLE handovers (
  id              text PRIMARY KEY,
  conversation_id text NOT NULL,
  record          text NOT NULL,
  announced       bigserial NOT NULL
);
CREATE INDEX handovers_conversation ON handovers (conversation_id, announced);
