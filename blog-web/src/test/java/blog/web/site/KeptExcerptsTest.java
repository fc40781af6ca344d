package blog.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import blog.core.text.Excerpts;
import blog.core.text.MarkdownRenderer;
import org.junit.jupiter.api.Test;

class KeptExcerptsTest {
  private final KeptExcerpts kept = new KeptExcerpts(100_000);
  private final Excerpts plain = new Excerpts();
  private final MarkdownRenderer markdown = new MarkdownRenderer();

  @Test
  void aKeptTeaserIsTheOneExcerptsMakesAndAnEditedBodyGetsItsOwn() {
    String body =
        markdown.render("# Title\n\nThe *first* words of a post. " + "More words. ".repeat(40));
    String first = kept.excerpt("", body);
    assertEquals(plain.excerpt("", body), first);
    assertSame(first, kept.excerpt(null, new String(body)), "kept by the body's HTML");

    String edited = body.replace("first", "edited");
    assertEquals(plain.excerpt("", edited), kept.excerpt("", edited));
    assertEquals("The author's own", kept.excerpt(" The author's <b>own</b> ", body));
  }
}
