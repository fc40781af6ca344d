-- Author archives (/author/{name}/) list one author's visible posts, newest first. V1's index on
-- author_id alone left the order to a sort of all the author's posts, and the listing index
-- (V16) would be walked past every other author's posts: on a blog with many authors, a page of a
-- rare one read most of the blog. This one is the author's posts in listing order, so a page is
-- a range of it from wherever the page starts (keyset pages, as for terms in V24).
CREATE INDEX posts_author_listing_idx ON posts (author_id, post_type, published_at DESC, id DESC, status);
