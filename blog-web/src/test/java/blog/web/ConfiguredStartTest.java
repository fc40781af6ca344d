package blog.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.config.Config;
import blog.core.testing.DbKind;
import blog.core.testing.EachDatabase;
import blog.core.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

/**
 * The way a deployment starts: only configuration keys, an empty database behind db.url (H2, or a
 * jdbc:postgresql: URL with no other change), migrated and seeded at start-up, twice in a row.
 */
class ConfiguredStartTest {
  @EachDatabase
  void startsFromConfigurationOnAnEmptyDatabaseAndRestartsOnIt(DbKind kind) throws Exception {
    try (TestDatabase db = TestDatabase.createEmpty(kind)) {
      Config config =
          Config.of(
              Map.of(
                  "port", "0",
                  "host", "127.0.0.1",
                  "db.url", db.settings().url(),
                  "db.user", db.settings().user(),
                  "db.password", db.settings().password()));
      for (int start = 1; start <= 2; start++) {
        try (BlogApp app = BlogApp.start(config, Clock.systemUTC())) {
          HttpResponse<String> home =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          assertEquals(200, home.statusCode(), "start " + start);
          String body = home.body();
          assertTrue(body.contains("Why quality social networking"), "start " + start);
          assertEquals(
              1,
              body.split("rel=\"bookmark\"", -1).length - 1,
              "seeded exactly once, start " + start);
        }
      }
    }
  }
}
