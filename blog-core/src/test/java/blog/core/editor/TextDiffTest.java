package blog.core.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.editor.TextDiff.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiffTest {
  @Test
  void changedLinesAreUnifiedWithContext() {
    TextDiff diff = TextDiff.between("one\ntwo\nthree\n", "one\n2\nthree\nfour\n", "old", "new");
    assertEquals(
        """
        --- old
        +++ new
        @@ -1,3 +1,4 @@
         one
        -two
        +2
         three
        +four
        """,
        diff.unified());
    assertEquals(
        List.of(
            Kind.HEADER,
            Kind.HEADER,
            Kind.HUNK,
            Kind.CONTEXT,
            Kind.REMOVED,
            Kind.ADDED,
            Kind.CONTEXT,
            Kind.ADDED),
        diff.lines().stream().map(TextDiff.Line::kind).toList());
    assertEquals("two", diff.lines().get(4).text());
  }

  @Test
  void sameTextsOrOnlyLineEndingsDifferingHaveNoDiff() {
    assertTrue(TextDiff.between("a\nb", "a\nb", "x", "y").identical());
    assertTrue(TextDiff.between("a\r\nb\r\n", "a\nb", "x", "y").identical());
    assertEquals("", TextDiff.between("", "", "x", "y").unified());
  }

  @Test
  void removedLinesThatLookLikeHeadersAreStillRemovals() {
    TextDiff diff = TextDiff.between("-- a\n++ b\n@@ c\n", "", "old", "new");
    assertEquals(
        List.of(Kind.HEADER, Kind.HEADER, Kind.HUNK, Kind.REMOVED, Kind.REMOVED, Kind.REMOVED),
        diff.lines().stream().map(TextDiff.Line::kind).toList());
    assertEquals("-- a", diff.lines().get(3).text());
  }

  @Test
  void farApartChangesMakeSeparateHunks() {
    StringBuilder a = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      a.append("line ").append(i).append('\n');
    }
    String b = a.toString().replace("line 2\n", "line two\n").replace("line 19\n", "line 19!\n");
    long hunks =
        TextDiff.between(a.toString(), b, "a", "b").lines().stream()
            .filter(l -> l.kind() == Kind.HUNK)
            .count();
    assertEquals(2, hunks);
  }
}
