-- FairExit's own Direct Line conversations, shared by every instance so that a Web Chat poll can
-- reach any of them (no sticky sessions). Transport only: the conversation is in conversations.
-- next_seq numbers the activities; the newest 500 (and at most 1 MB) of each are kept.

CREATE TABLE directline_conversations (
  conversation_id text PRIMARY KEY,
  opening_shown   boolean NOT NULL,
  next_seq        integer NOT NULL DEFAULT 0,
  last_used       timestamptz NOT NULL
);
CREATE INDEX directline_conversations_last_used ON directline_conversations (last_used);

CREATE TABLE directline_activities (
  conversation_id text NOT NULL REFERENCES directline_conversations (conversation_id) ON DELETE CASCADE,
  seq             integer NOT NULL,
  bytes           integer NOT NULL,
  activity        text NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);
