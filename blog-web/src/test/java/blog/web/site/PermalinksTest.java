package blog.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Archive paths have WordPress's shape: four-digit years, two-digit months and days. */
class PermalinksTest {
  @Test
  void archivePathsPadTheirNumbers() {
    assertEquals("/2011/09/14/", Permalinks.day(LocalDate.of(2011, 9, 14)));
    assertEquals("/2026/12/01/", Permalinks.day(LocalDate.of(2026, 12, 1)));
    assertEquals("/0999/01/05/", Permalinks.day(LocalDate.of(999, 1, 5)));
    assertEquals("/2011/09/", Permalinks.month(2011, 9));
    assertEquals("/2026/11/", Permalinks.month(2026, 11));
    assertEquals("/0042/07/", Permalinks.month(42, 7));
  }
}
