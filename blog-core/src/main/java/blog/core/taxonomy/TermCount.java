package blog.core.taxonomy;

/** A term with the number of visible posts in it, for the sidebar. */
public record TermCount(Term term, int posts) {}
