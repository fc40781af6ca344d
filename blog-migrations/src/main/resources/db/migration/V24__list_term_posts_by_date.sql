-- A category or tag archive listed its posts from the posts' listing index (V16), newest first,
-- keeping those linked to the term: quick for a category on every tenth post, but a tag on three
-- posts of 100,000 read the whole listing for its first page (0.2 s), and page 50 of a category
-- read 5,000 linked posts. Each link now carries its post's publication date, so the archive is
-- a range of this index: the term's posts in listing order, from wherever a page starts. The
-- application writes the date with the link and again whenever a post's date changes.
-- The index comes before the dates: on PostgreSQL the update leaves the content-version triggers'
-- deferred events pending, and no index can be built on the table until the transaction ends.
ALTER TABLE post_terms ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX post_terms_listing_idx ON post_terms (term_id, published_at DESC, post_id DESC);
UPDATE post_terms SET published_at = (SELECT p.published_at FROM posts p WHERE p.id = post_terms.post_id);
