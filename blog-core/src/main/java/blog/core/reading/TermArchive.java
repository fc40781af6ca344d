package blog.core.reading;

import blog.core.post.PostPage;
import blog.core.taxonomy.Term;

/** One page of a category or tag archive. */
public record TermArchive(Term term, PostPage page) {}
