package blog.core.taxonomy;

/** A category or tag. */
public record Term(long id, Taxonomy taxonomy, String slug, String name) {}
