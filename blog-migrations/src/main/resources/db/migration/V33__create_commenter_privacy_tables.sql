-- Commenters who own their identity (docs/comments.md, docs/privacy.md).

-- A log-in link mailed to an address ("Log in with email"): valid 15 minutes, taken once, and only
-- by the browser that asked for it (browser_hash), with the comment the person had typed. Only the
-- token's hash is kept, so the database cannot be read for working links.
CREATE TABLE email_sign_ins (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    browser_hash VARCHAR(64)  NOT NULL,
    email        VARCHAR(254) NOT NULL,
    post_id      BIGINT       NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    form_data    VARCHAR      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX email_sign_ins_expires_idx ON email_sign_ins (expires_at);
