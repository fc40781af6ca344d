package blog.core.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.post.PostStatus;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignInRequestRepositoryTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

  private SignInRequestRepository requests;
  private FormDraftRepository drafts;
  private long post;

  @Override
  protected void prepare() {
    requests = new SignInRequestRepository(db.database().jdbi());
    drafts = new FormDraftRepository(db.database().jdbi());
    Fixtures fixtures = new Fixtures(db.database().jdbi());
    post = fixtures.post(fixtures.author("A"), "Signed", PostStatus.PUBLISHED, NOW);
  }

  private SignInRequest request(String state) {
    return new SignInRequest(
        state,
        "browser",
        "github",
        null,
        "verifier",
        "https://github.example/authorize",
        post,
        "comment=Hi",
        null);
  }

  @Test
  void aRequestIsTakenOnceAndNotAfterItExpires() {
    String state = Fixtures.unique("state");
    requests.save(request(state), NOW, NOW.plusSeconds(600));
    assertEquals("comment=Hi", requests.take(state, NOW.plusSeconds(5)).orElseThrow().formData());
    assertTrue(requests.take(state, NOW.plusSeconds(6)).isEmpty(), "used up");

    String late = Fixtures.unique("state");
    requests.save(request(late), NOW, NOW.plusSeconds(600));
    assertTrue(requests.take(late, NOW.plusSeconds(601)).isEmpty(), "expired");
  }

  @Test
  void racingCallbacksGetItOnceBetweenThem() throws Exception {
    String state = Fixtures.unique("state");
    requests.save(request(state), NOW, NOW.plusSeconds(600));
    Callable<Optional<SignInRequest>> take = () -> requests.take(state, NOW);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Optional<SignInRequest>> results = new ArrayList<>();
      for (Future<Optional<SignInRequest>> f : pool.invokeAll(List.of(take, take, take, take))) {
        results.add(f.get());
      }
      assertEquals(1, results.stream().filter(Optional::isPresent).count());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDraftGoesBackOnlyToItsBrowserAndOnlyOnce() {
    String id = Fixtures.unique("draft");
    drafts.save(
        id, "mine", new FormDraft(post, "comment=Kept", "Cancelled"), NOW, NOW.plusSeconds(900));
    assertTrue(drafts.take(id, "someone-else", NOW).isEmpty());
    FormDraft draft = drafts.take(id, "mine", NOW).orElseThrow();
    assertEquals("comment=Kept", draft.formData());
    assertEquals("Cancelled", draft.message());
    assertTrue(drafts.take(id, "mine", NOW).isEmpty());
  }
}
