-- H2's part of the baseline (after db/migration/V1__baseline.sql): what H2 says differently from
-- PostgreSQL (db/vendor/postgresql/V2__baseline_postgresql.sql). See docs/schema.md.

-- The admin's post list goes newest first by the date WordPress shows there: the publication date,
-- or for a post never published its last change. A column the database keeps itself (no writer of
-- posts can get it wrong), with an index for the whole list and one per status for its views
-- (drafts, trash); the publication date rides along in the second so that the scheduled view is
-- told from the index alone (a page of the list of 100,000 posts: 2.4 s before, sorting them all).
-- H2 computes a generated column on every write (PostgreSQL's twin says STORED).
ALTER TABLE posts ADD COLUMN listed_at TIMESTAMP WITH TIME ZONE
    GENERATED ALWAYS AS (COALESCE(published_at, updated_at));
CREATE INDEX posts_admin_list_idx ON posts (listed_at DESC, id DESC);
CREATE INDEX posts_admin_status_idx ON posts (status, listed_at DESC, id DESC, published_at);

-- Search on H2 matches with LIKE (blog.core.search.H2SearchRepository), which no index serves.

-- The triggers are Java classes in blog.migrations, which H2 loads by name whenever it opens the
-- database: keep their names. All fire per row: H2 runs a row trigger's own statements in the
-- changing statement's transaction (outside auto-commit), which it does not for a statement
-- trigger. Each stands aside while the session has @BLOG_BULK_LOAD set (the data generator; see
-- blog.migrations.BulkLoad). H2 runs one blog process only, so a plain trigger in the changing
-- transaction is enough.

-- The content version (see content_version in V1): a comment raises its post's row, a commenter
-- row ${commenters_row}, any other content table row ${listing_row}; settings only for rows that
-- are not bookkeeping.
CREATE TRIGGER posts_content_version AFTER INSERT, UPDATE, DELETE ON posts
    FOR EACH ROW CALL "blog.migrations.ContentVersionTrigger";
CREATE TRIGGER terms_content_version AFTER INSERT, UPDATE, DELETE ON terms
    FOR EACH ROW CALL "blog.migrations.ContentVersionTrigger";
CREATE TRIGGER post_terms_content_version AFTER INSERT, UPDATE, DELETE ON post_terms
    FOR EACH ROW CALL "blog.migrations.ContentVersionTrigger";
CREATE TRIGGER users_content_version AFTER INSERT, UPDATE, DELETE ON users
    FOR EACH ROW CALL "blog.migrations.ContentVersionTrigger";
CREATE TRIGGER commenter_identities_content_version AFTER INSERT, UPDATE, DELETE ON commenter_identities
    FOR EACH ROW CALL "blog.migrations.ContentVersionTrigger";
CREATE TRIGGER slug_redirects_content_version AFTER INSERT, UPDATE, DELETE ON slug_redirects
    FOR EACH ROW CALL "blog.migrations.ContentVersionTrigger";
CREATE TRIGGER media_content_version AFTER INSERT, UPDATE, DELETE ON media
    FOR EACH ROW CALL "blog.migrations.ContentVersionTrigger";
CREATE TRIGGER settings_content_version AFTER INSERT, UPDATE, DELETE ON settings
    FOR EACH ROW CALL "blog.migrations.ContentVersionTrigger";
CREATE TRIGGER comments_content_version AFTER INSERT, UPDATE, DELETE ON comments
    FOR EACH ROW CALL "blog.migrations.ContentVersionTrigger";

-- The comment counts (see comment_status_counts and post_comment_counts in V1).
CREATE TRIGGER comments_status_counts AFTER INSERT, UPDATE, DELETE ON comments
    FOR EACH ROW CALL "blog.migrations.CommentCountTrigger";
CREATE TRIGGER comments_post_counts AFTER INSERT, UPDATE, DELETE ON comments
    FOR EACH ROW CALL "blog.migrations.PostCommentCountTrigger";
