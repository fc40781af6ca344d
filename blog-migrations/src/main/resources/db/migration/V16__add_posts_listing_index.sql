-- Home page, page N, archives and feeds list readable posts (post_type 'post'), newest first,
-- and count them. V1's index starts with the status, which the listing asks for with IN
-- (published, scheduled), and lacks the type: on a blog of 100,000 posts H2 read every (large)
-- row for it, seconds per page. This one starts with the type and carries the status, so listing
-- and counting read only the index (measured: 7.3 s → 0.3 s for the count, 3.3 s → 0.2 s for a
-- page; keyset pagination and kept counts are the next step).
CREATE INDEX posts_listing_idx ON posts (post_type, published_at DESC, id DESC, status);
