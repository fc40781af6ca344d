package blog.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {
  @Test
  void wordsAndQuotedPhrasesBecomeLowerCaseTerms() {
    SearchQuery q = SearchQuery.parse("  Social   \"Quality Networking\"  Café ");
    assertEquals("Social \"Quality Networking\" Café", q.text());
    assertEquals(List.of("social", "quality networking", "café"), q.terms());
  }

  @Test
  void controlCharactersAndBlankInputLeaveNothingToSearch() {
    assertTrue(SearchQuery.parse(null).isEmpty());
    assertTrue(SearchQuery.parse(" \t\n ").isEmpty());
    assertTrue(SearchQuery.parse("\"\"").isEmpty());
    SearchQuery q = SearchQuery.parse("a\u0000b\u0007c\u202Ed");
    assertEquals(List.of("a", "b", "c\u202Ed"), q.terms());
    assertTrue(q.text().chars().noneMatch(Character::isISOControl));
  }

  @Test
  void veryLongInputIsCutWithoutSplittingACharacter() {
    String emoji = "\uD83C\uDF89";
    SearchQuery q = SearchQuery.parse("x".repeat(199) + emoji + "y".repeat(100_000));
    assertEquals("x".repeat(199), q.text(), "the emoji would straddle the limit, so it goes");
    SearchQuery many = SearchQuery.parse("w ".repeat(50));
    assertEquals(SearchQuery.MAX_TERMS, many.terms().size());
  }
}
