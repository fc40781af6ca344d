package blog.core.post;

import java.time.Instant;

/**
 * Which visible posts a listing shows, newest first: all of them (the home page and feed), those
 * filed under one category or tag, those published in a span of time (yearly, monthly and daily
 * archives), or those one author wrote. Records, so a listing is a key for what is kept about it
 * (where its pages start).
 */
public sealed interface Listing {
  /** Every visible post. */
  Listing ALL = new All();

  record All() implements Listing {}

  /** The posts linked to term {@code termId}. */
  record OfTerm(long termId) implements Listing {}

  /** The posts published in [{@code from}, {@code to}). */
  record Between(Instant from, Instant to) implements Listing {}

  /** The posts written by user {@code authorId}. */
  record ByAuthor(long authorId) implements Listing {}
}
