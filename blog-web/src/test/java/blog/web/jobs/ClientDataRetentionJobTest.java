package blog.web.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import blog.core.comment.CommentRepository;
import blog.core.post.PostStatus;
import blog.core.testing.DbKind;
import blog.core.testing.Fixtures;
import blog.core.testing.TestDatabase;
import blog.web.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The running blog clears old comments' IP addresses by itself, by its own clock, soon after start;
 * closing it stops that job. (The purge's rules are tested on both databases in blog-core.)
 */
class ClientDataRetentionJobTest {
  @Test
  void theRunningBlogForgetsOldClientAddressesAndStopsTheJobWhenClosed() throws Exception {
    try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
      Fixtures fixtures = new Fixtures(db.database().jdbi());
      CommentRepository comments = new CommentRepository(db.database().jdbi());
      Instant now = TestServer.NOW;
      long post =
          fixtures.post(
              fixtures.author("Host"), "Old talk", PostStatus.PUBLISHED, now.minus(days(400)));
      long old = fixtures.comment(post, null, "Old", "Long ago.", now.minus(days(200)));
      long recent = fixtures.comment(post, null, "New", "Lately.", now.minus(days(1)));
      List<Thread> before = jobThreads();

      TestServer server = TestServer.start(db.database());
      List<Thread> started = jobThreads();
      started.removeAll(before);
      try {
        assertEquals(1, started.size(), "one job thread for this blog");
        await(
            () -> comments.findById(old).orElseThrow().clientIp() == null,
            BackgroundJobs.RETENTION_FIRST_RUN.plusSeconds(10));
        assertEquals(null, comments.findById(old).orElseThrow().userAgent());
        assertEquals("127.0.0.1", comments.findById(recent).orElseThrow().clientIp());
      } finally {
        server.close();
      }
      Thread job = started.get(0);
      job.join(TimeUnit.SECONDS.toMillis(5));
      assertFalse(job.isAlive(), "the job stopped with the blog");
    }
  }

  private static List<Thread> jobThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(BackgroundJobs.RETENTION_JOB) && t.isAlive())
        .collect(Collectors.toCollection(ArrayList::new));
  }

  private static void await(BooleanSupplier condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the old comment's IP address was not cleared in " + timeout);
      }
      // Each check is a query: poll, rather than spin, until the deadline.
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  private static Duration days(long n) {
    return Duration.ofDays(n);
  }
}
