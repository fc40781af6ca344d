package blog.core.reading;

import blog.core.identity.Byline;
import blog.core.post.PostPage;

/** One page of an author's archive, with the author as readers see them. */
public record AuthorArchive(Byline author, PostPage page) {}
