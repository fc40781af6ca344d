-- PostgreSQL's part of the baseline (after db/migration/V1__baseline.sql): what PostgreSQL says
-- differently from H2 (db/vendor/h2/V2__baseline_h2.sql). See docs/schema.md.

-- The admin's post list goes newest first by the date WordPress shows there: the publication date,
-- or for a post never published its last change. A column the database keeps itself (no writer of
-- posts can get it wrong), with an index for the whole list and one per status for its views
-- (drafts, trash); the publication date rides along in the second so that the scheduled view is
-- told from the index alone (a page of the list of 100,000 posts: 2.4 s before, sorting them all).
-- PostgreSQL keeps only stored generated columns (H2's twin has no STORED).
ALTER TABLE posts ADD COLUMN listed_at TIMESTAMP WITH TIME ZONE
    GENERATED ALWAYS AS (COALESCE(published_at, updated_at)) STORED;
CREATE INDEX posts_admin_list_idx ON posts (listed_at DESC, id DESC);
CREATE INDEX posts_admin_status_idx ON posts (status, listed_at DESC, id DESC, published_at);

-- Full-text search over published posts' titles and bodies (English stemming). The expression is
-- repeated exactly by blog.core.search.PostgresSearchRepository, so its queries use this index.
CREATE INDEX posts_search_idx ON posts
    USING GIN (to_tsvector('english'::regconfig, title || ' ' || body_markdown));


-- The content version (see content_version in V1). Deferred constraint triggers run at commit,
-- after every other statement of the transaction: a row is locked last and only briefly, so
-- writers never deadlock on it, and a transaction-local flag per row makes one raise per
-- transaction and row however many rows it changed (a bulk approval raises each post's row once).
-- A comment raises its post's row (both posts' rows if an update moved it), a commenter row
-- ${commenters_row}, anything else row ${listing_row}. Writers of comments on one post queue on one
-- row, which they hold only from the raise to their commit.
CREATE FUNCTION raise_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  slots integer[] := '{}';
  slot integer;
  flag text;
BEGIN
  IF TG_TABLE_NAME = 'comments' THEN
    IF TG_OP <> 'DELETE' THEN
      slots := slots || (1 + (NEW.post_id % ${post_slots}))::integer;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      slots := slots || (1 + (OLD.post_id % ${post_slots}))::integer;
    END IF;
  ELSIF TG_TABLE_NAME = 'commenter_identities' THEN
    slots := ARRAY[${commenters_row}];
  ELSE
    slots := ARRAY[${listing_row}];
  END IF;
  FOREACH slot IN ARRAY slots LOOP
    flag := 'blog.content_version_' || slot;
    IF current_setting(flag, true) IS DISTINCT FROM txid_current()::text THEN
      PERFORM set_config(flag, txid_current()::text, true);
      -- The changed table's schema, not the session's search_path: a write from psql or a backup
      -- tool with another search_path raises the version too.
      EXECUTE format('UPDATE %I.content_version SET version = version + 1,'
                     ' changed_at = clock_timestamp() WHERE id = $1', TG_TABLE_SCHEMA)
        USING slot;
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER posts_content_version AFTER INSERT OR UPDATE OR DELETE ON posts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_content_version();
CREATE CONSTRAINT TRIGGER comments_content_version AFTER INSERT OR UPDATE OR DELETE ON comments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_content_version();
CREATE CONSTRAINT TRIGGER terms_content_version AFTER INSERT OR UPDATE OR DELETE ON terms
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_content_version();
CREATE CONSTRAINT TRIGGER post_terms_content_version AFTER INSERT OR UPDATE OR DELETE ON post_terms
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_content_version();
CREATE CONSTRAINT TRIGGER users_content_version AFTER INSERT OR UPDATE OR DELETE ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_content_version();
CREATE CONSTRAINT TRIGGER commenter_identities_content_version
    AFTER INSERT OR UPDATE OR DELETE ON commenter_identities
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_content_version();
CREATE CONSTRAINT TRIGGER slug_redirects_content_version
    AFTER INSERT OR UPDATE OR DELETE ON slug_redirects
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_content_version();
CREATE CONSTRAINT TRIGGER media_content_version AFTER INSERT OR UPDATE OR DELETE ON media
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_content_version();
-- Settings rows under security.*, notify.* and admin.* are bookkeeping, not content.
CREATE CONSTRAINT TRIGGER settings_content_version AFTER INSERT OR UPDATE ON settings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.name !~ '^(security|notify|admin)\.') EXECUTE FUNCTION raise_content_version();
CREATE CONSTRAINT TRIGGER settings_content_version_deleted AFTER DELETE ON settings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.name !~ '^(security|notify|admin)\.') EXECUTE FUNCTION raise_content_version();


-- Comments per status (see comment_status_counts in V1). One UPDATE per changed row touches the
-- old and the new status's rows of this transaction's slot together, so they are always locked in
-- the same (primary key) order.
CREATE FUNCTION count_comment_statuses() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_status text := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.status END;
  new_status text := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.status END;
BEGIN
  IF old_status IS DISTINCT FROM new_status THEN
    EXECUTE format('UPDATE %I.comment_status_counts'
                   ' SET n = n + CASE WHEN status = $1 THEN 1 ELSE -1 END'
                   ' WHERE slot = $3 AND status IN ($1, $2)', TG_TABLE_SCHEMA)
      USING new_status, old_status, (txid_current() % ${comment_count_slots})::integer;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER comments_status_counts AFTER INSERT OR UPDATE OF status OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION count_comment_statuses();

-- Approved comments per post (see post_comment_counts in V1): the backend's own row of the post,
-- an upsert that no other open transaction shares.
CREATE FUNCTION count_post_comments() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  upsert text := format('INSERT INTO %I.post_comment_counts AS c (post_id, slot, approved)'
                        ' VALUES ($1, $2, $3) ON CONFLICT (post_id, slot)'
                        ' DO UPDATE SET approved = c.approved + EXCLUDED.approved',
                        TG_TABLE_SCHEMA);
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.post_id = NEW.post_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.status = 'approved' THEN
    EXECUTE upsert USING OLD.post_id, pg_backend_pid(), -1;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'approved' THEN
    EXECUTE upsert USING NEW.post_id, pg_backend_pid(), 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER comments_post_counts AFTER INSERT OR UPDATE OF status, post_id OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION count_post_comments();
