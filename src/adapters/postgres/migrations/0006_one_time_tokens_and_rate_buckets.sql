-- State that must be shared by every instance behind a load balancer.
--
-- redeemed_tokens: the nonces of one-time tokens (agent console login links) already redeemed,
-- so a link works once across all instances, not once on each. Kept until the token expires
-- (plus a margin for clock skew), then purged.
CREATE TABLE redeemed_tokens (
  nonce      text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX redeemed_tokens_expires_at ON redeemed_tokens (expires_at);

-- rate_buckets: one token bucket per (limit, key), holding `per_minute` requests and refilled at
-- `per_minute` a minute with PostgreSQL's clock. Each instance decides from buckets in its own
-- memory and adds what it took here in one statement per sync (every 250 ms), for all its keys at
-- once; `tokens` may go below zero (what instances admitted between two syncs, owed). The key (a
-- client address, a conversation id) is stored only as an HMAC-SHA256 keyed with the
-- deployment's secret, never in clear. A bucket idle for longer than a minute is full again, so
-- idle rows are purged without changing any answer.
CREATE TABLE rate_buckets (
  limit_name text NOT NULL,
  key_hash   bytea NOT NULL,
  per_minute double precision NOT NULL,
  tokens     double precision NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (limit_name, key_hash)
);
CREATE INDEX rate_buckets_updated_at ON rate_buckets (updated_at);
