-- WordPress import and export.
--
-- Pages (WordPress's "page" post type) are stored with the posts: they have a body, comments,
-- an author and a status like posts, but readers reach them by their own address (/<slug>/)
-- only: listings, archives and feeds show posts alone. parent_id keeps a page's place in its
-- hierarchy (WordPress's post_parent), for the export.
ALTER TABLE posts ADD COLUMN post_type VARCHAR(8) DEFAULT 'post' NOT NULL;
ALTER TABLE posts ADD CONSTRAINT posts_post_type_ck CHECK (post_type IN ('post', 'page'));
ALTER TABLE posts ADD COLUMN parent_id BIGINT;
ALTER TABLE posts ADD CONSTRAINT posts_parent_fk
    FOREIGN KEY (parent_id) REFERENCES posts (id) ON DELETE SET NULL;
CREATE INDEX posts_type_slug_idx ON posts (post_type, slug);

-- What an import made of each WordPress post and comment, so importing the same export again
-- changes nothing. site is the export's blog address (ids are only unique within one WordPress
-- site). A row goes with its post or comment: deleting an imported post lets a later import
-- bring it back, as WordPress's own importer does.
CREATE TABLE wxr_posts (
    site        VARCHAR(500) NOT NULL,
    wp_id       BIGINT       NOT NULL,
    post_id     BIGINT       NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (site, wp_id)
);
CREATE INDEX wxr_posts_post_idx ON wxr_posts (post_id);

CREATE TABLE wxr_comments (
    site        VARCHAR(500) NOT NULL,
    wp_id       BIGINT       NOT NULL,
    comment_id  BIGINT       NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (site, wp_id)
);
CREATE INDEX wxr_comments_comment_idx ON wxr_comments (comment_id);
