-- The sitemap's archives file dates the home page, each category, tag, month and year by the
-- newest change among their posts (GREATEST of published_at and updated_at). With updated_at only
-- in the posts' rows, that read every visible post's row, bodies and all: 4 s for the dates and
-- 5 s for the terms on a blog of 100,000 posts. With it at the end of the listing index (V16)
-- both are read from the index alone (0.5 s and 0.7 s).
DROP INDEX posts_listing_idx;
CREATE INDEX posts_listing_idx ON posts (post_type, published_at DESC, id DESC, status, updated_at);
