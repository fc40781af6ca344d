package blog.core.testing;

/** The databases every repository test runs against. */
public enum DbKind {
  H2,
  POSTGRES
}
