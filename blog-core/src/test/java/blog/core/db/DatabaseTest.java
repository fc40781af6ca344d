package blog.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import blog.core.testing.DbKind;
import blog.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class DatabaseTest {
  @Test
  void h2KeepsEnoughPreparedCommandsPerConnectionForAnAnswer() {
    try (TestDatabase db = TestDatabase.createEmpty(DbKind.H2)) {
      String size =
          db.database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                  + " WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")
                          .mapTo(String.class)
                          .one());
      assertEquals(Integer.toString(Database.H2_QUERY_CACHE), size);
    }
  }
}
