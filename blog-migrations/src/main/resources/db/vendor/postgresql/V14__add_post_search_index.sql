-- Full-text search over published posts' titles and bodies (English stemming). The expression is
-- repeated exactly by blog.core.search.PostgresSearchRepository, so its queries use this index.
CREATE INDEX posts_search_idx ON posts
    USING GIN (to_tsvector('english'::regconfig, title || ' ' || body_markdown));
