-- Each rendered reply form carries a one-time key; a double click, a resent form or a retried
-- request with the same key stores one comment. Several NULLs (imported, seeded) are allowed.
ALTER TABLE comments ADD COLUMN submission_key VARCHAR(64);
CREATE UNIQUE INDEX comments_submission_key_idx ON comments (submission_key);

-- The flood limit: "when did this client last comment?"
CREATE INDEX comments_client_ip_created_idx ON comments (client_ip, created_at);

-- Duplicate detection: the same person saying the same thing on the same post.
CREATE INDEX comments_post_email_idx ON comments (post_id, author_email);
