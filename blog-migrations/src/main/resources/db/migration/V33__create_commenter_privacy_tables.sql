-- Commenters who own their identity (docs/comments.md, docs/privacy.md).

-- Linked log-ins: the identities of one commenter share commenter_id, the id of one of them; NULL
-- means the identity stands alone (it is its own commenter). A commenter's comments are those
-- written with any of their identities.
ALTER TABLE commenter_identities ADD COLUMN commenter_id BIGINT;
CREATE INDEX commenter_identities_commenter_idx ON commenter_identities (commenter_id);

-- A log-in started by a logged-in commenter to link another identity to themselves (link_from:
-- the identity of their session) goes back to their log-ins page, not to a post.
ALTER TABLE sign_in_requests ADD COLUMN link_from BIGINT;
ALTER TABLE sign_in_requests ADD CONSTRAINT sign_in_requests_link_from_fk
    FOREIGN KEY (link_from) REFERENCES commenter_identities (id) ON DELETE CASCADE;
ALTER TABLE sign_in_requests ALTER COLUMN post_id DROP NOT NULL;

-- A log-in link mailed to an address ("Log in with email"): valid 15 minutes, taken once, and only
-- by the browser that asked for it (browser_hash), with the comment the person had typed (or, to
-- link the address to a logged-in commenter, link_from as above). Only the token's hash is kept,
-- so the database cannot be read for working links.
CREATE TABLE email_sign_ins (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    browser_hash VARCHAR(64)  NOT NULL,
    email        VARCHAR(254) NOT NULL,
    post_id      BIGINT       REFERENCES posts (id) ON DELETE CASCADE,
    link_from    BIGINT       REFERENCES commenter_identities (id) ON DELETE CASCADE,
    form_data    VARCHAR      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX email_sign_ins_expires_idx ON email_sign_ins (expires_at);
