package blog.web.testing;

import blog.core.webmention.Mention;
import blog.core.webmention.MentionRepository;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;

/** Webmentions sent to the blog as another site sends them, and waiting for their verification. */
public final class Mentions {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Mentions() {}

  /** POSTs {@code source} and {@code target}, form-encoded, to the blog's endpoint. */
  public static HttpResponse<String> send(String blogBase, String source, String target) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(blogBase + "/webmention"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "source="
                        + URLEncoder.encode(source, StandardCharsets.UTF_8)
                        + "&target="
                        + URLEncoder.encode(target, StandardCharsets.UTF_8)))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The mention once it was verified at or after {@code after}; fails after 30 s. */
  public static Mention awaitVerified(Jdbi jdbi, String source, String target, Instant after) {
    MentionRepository mentions = new MentionRepository(jdbi);
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      var found =
          mentions
              .find(source, target)
              .filter(m -> m.checkedAt() != null && !m.checkedAt().isBefore(after));
      if (found.isPresent()) {
        return found.get();
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    throw new AssertionError("the mention of " + target + " by " + source + " was not verified");
  }
}
