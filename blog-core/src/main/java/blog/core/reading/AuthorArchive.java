package blog.core.reading;

import blog.core.post.PostPage;
import blog.core.user.Byline;

/** One page of an author's archive, with the author as readers see them. */
public record AuthorArchive(Byline author, PostPage page) {}
