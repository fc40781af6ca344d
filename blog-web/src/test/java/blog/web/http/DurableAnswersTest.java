package blog.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.web.testing.WebTestBase;
import io.javalin.http.HandlerType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every route that may write waits for the database file before it answers: every route of the real
 * server but GET and HEAD, and the log-in callbacks (a GET that starts a session). A new
 * state-changing route cannot escape it, and no reader's page waits for it.
 */
class DurableAnswersTest extends WebTestBase {
  @Test
  void everyStateChangingRouteAndTheLogInCallbackWaitForTheFile() {
    List<String> routes = server.routes();
    assertTrue(routes.size() > 40, "the route table: " + routes);
    int writing = 0;
    for (String route : routes) {
      String[] parts = route.split(" ", 2);
      HandlerType method = HandlerType.findOrCreate(parts[0]);
      boolean waits = DurableAnswers.mayWrite(method, parts[1]);
      if (HandlerType.GET.equals(method) || HandlerType.HEAD.equals(method)) {
        assertEquals(parts[1].endsWith("/callback"), waits, route);
      } else {
        assertTrue(waits, route + " answers before its write is in the file");
        writing++;
      }
    }
    assertTrue(writing > 20, "state-changing routes: " + writing);
    assertTrue(DurableAnswers.mayWrite(HandlerType.GET, "/auth/github/callback"));
    assertFalse(DurableAnswers.mayWrite(HandlerType.GET, "/2011/09/14/a-post/"));
  }
}
