package blog.web.e2e;

import blog.core.testing.DbKind;

/** {@link PasskeyJourneyTest} with the blog on PostgreSQL. */
class PasskeyJourneyOnPostgresTest extends PasskeyJourneyTest {
  @Override
  protected DbKind database() {
    return DbKind.POSTGRES;
  }
}
