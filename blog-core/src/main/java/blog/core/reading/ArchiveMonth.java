package blog.core.reading;

/** A month that holds visible posts, for the "Archives" list. */
public record ArchiveMonth(int year, int month, int posts) {}
