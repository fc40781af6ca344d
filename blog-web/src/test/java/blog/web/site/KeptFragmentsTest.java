package blog.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeptFragmentsTest {
  private final List<String> rendered = new ArrayList<>();
  private final AtomicLong theme = new AtomicLong(1);
  private final KeptFragments kept =
      new KeptFragments(
          1024 * 1024,
          (template, model) -> {
            rendered.add(template + ":" + model.get("shows"));
            return "<p>" + model.get("shows") + " drawn " + theme.get() + "</p>";
          },
          theme::get);

  private String render(String template, Object shows) {
    return kept.render(template, shows, () -> Map.of("shows", shows));
  }

  private record Shows(long id, String text) {}

  @Test
  void aPieceIsRenderedOncePerWhatItShowsAndTemplateAndThemeVersion() {
    assertEquals("<p>Shows[id=1, text=a] drawn 1</p>", render("t", new Shows(1, "a")));
    assertEquals("<p>Shows[id=1, text=a] drawn 1</p>", render("t", new Shows(1, "a")));
    assertEquals(1, rendered.size(), "an equal value finds the kept piece");

    assertEquals("<p>Shows[id=1, text=b] drawn 1</p>", render("t", new Shows(1, "b")));
    render("other", new Shows(1, "a"));
    assertEquals(3, rendered.size(), "another value or template is another piece");

    theme.incrementAndGet();
    assertEquals("<p>Shows[id=1, text=a] drawn 2</p>", render("t", new Shows(1, "a")));
    assertEquals(4, rendered.size(), "a changed theme draws it again");
  }

  @Test
  void aPieceMayBeMadeOfKeptPieces() {
    for (int i = 0; i < 200; i++) {
      int n = i;
      String outer =
          kept.render("outer", n, () -> Map.of("shows", render("inner", n) + render("inner", -n)));
      assertEquals("<p><p>" + n + " drawn 1</p><p>" + -n + " drawn 1</p> drawn 1</p>", outer);
    }
  }

  @Test
  void roomForNothingKeepsNothing() {
    KeptFragments none = new KeptFragments(0, (template, model) -> "x", () -> 1);
    for (int i = 0; i < 50; i++) {
      none.render("t", i, Map::of);
    }
    assertEquals(0, none.size());
  }
}
