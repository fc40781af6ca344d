package blog.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommentThreadsTest {
  /** An approved comment with just an id, a parent and a time; for tree-shaped tests. */
  static Comment c(long id, Long parent) {
    return new Comment(
        id,
        1,
        parent,
        "n" + id,
        null,
        null,
        null,
        null,
        "t",
        "<p>t</p>",
        CommentStatus.APPROVED,
        null,
        Instant.EPOCH.plusSeconds(id),
        null,
        null,
        null);
  }

  @Test
  void repliesNestUnderTheirParentsInOrder() {
    List<ThreadedComment> threads =
        CommentThreads.build(List.of(c(1, null), c(2, 1L), c(3, null), c(4, 2L), c(5, 1L)));
    assertEquals(2, threads.size());
    ThreadedComment first = threads.get(0);
    assertEquals(1, first.depth());
    assertEquals(List.of(2L, 5L), first.replies().stream().map(r -> r.comment().id()).toList());
    assertEquals(4L, first.replies().get(0).replies().get(0).comment().id());
    assertEquals(3, first.replies().get(0).replies().get(0).depth());
  }

  @Test
  void replyToAnAbsentParentIsShownAtTheTopLevel() {
    List<ThreadedComment> threads = CommentThreads.build(List.of(c(1, null), c(7, 99L)));
    assertEquals(List.of(1L, 7L), threads.stream().map(t -> t.comment().id()).toList());
    assertEquals(1, threads.get(1).depth());
  }
}
