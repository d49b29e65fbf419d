-- Agent assist sessions, shared by every instance: one row a session, the session as the JSON
-- FairExit wrote; a change is announced on the channel fairexit_assist (session id and version).

CREATE TABLE assist_sessions (
  session_id text PRIMARY KEY,
  version    integer NOT NULL,
  status     text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  session    text NOT NULL
);
CREATE INDEX assist_sessions_updated ON assist_sessions (updated_at);
