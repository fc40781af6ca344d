-- Failed staff log-ins, counted per account and per client address, so guessing is slowed down
-- on every instance alike. A row per key; the window restarts when it has passed.
CREATE TABLE login_throttle (
    throttle_key      VARCHAR(300) PRIMARY KEY,
    failures          INTEGER      NOT NULL,
    window_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until     TIMESTAMP WITH TIME ZONE
);
