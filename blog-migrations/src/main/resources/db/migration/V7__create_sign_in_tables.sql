-- A third-party log-in in progress: what the callback must match (state, nonce, PKCE verifier),
-- bound to the browser that started it, with the comment the person had typed. One use only.
CREATE TABLE sign_in_requests (
    state_hash    VARCHAR(64)  PRIMARY KEY,
    browser_hash  VARCHAR(64)  NOT NULL,
    provider      VARCHAR(64)  NOT NULL,
    nonce         VARCHAR(200),
    code_verifier VARCHAR(200) NOT NULL,
    post_id       BIGINT       NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    form_data     VARCHAR      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sign_in_requests_expires_idx ON sign_in_requests (expires_at);

-- A comment form to put back on the post page after a round trip to a provider (successful or
-- not), with the message to show; taken once by the browser it belongs to.
CREATE TABLE form_drafts (
    id_hash      VARCHAR(64) PRIMARY KEY,
    browser_hash VARCHAR(64) NOT NULL,
    post_id      BIGINT      NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    form_data    VARCHAR     NOT NULL,
    message      VARCHAR(500),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX form_drafts_expires_idx ON form_drafts (expires_at);

-- Sessions are found by their hash; commenters' identities by id for display.
CREATE INDEX sessions_identity_idx ON sessions (identity_id);

-- How long a session may sit unused before it ends (its absolute end is expires_at).
ALTER TABLE sessions ADD COLUMN idle_seconds INTEGER DEFAULT 1209600 NOT NULL;
