package blog.web.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A description collapsed from a prefix of the text is the one collapsed from all of it. */
class HeadBuilderTest {
  /** The description made from the whole text at once. */
  private static String fromAllOfIt(String text) {
    String plain = text.replaceAll("\\s+", " ").strip();
    if (plain.length() <= HeadBuilder.DESCRIPTION_LENGTH) {
      return plain;
    }
    String cut = plain.substring(0, HeadBuilder.DESCRIPTION_LENGTH - 1);
    if (Character.isHighSurrogate(cut.charAt(cut.length() - 1))) {
      cut = cut.substring(0, cut.length() - 1);
    }
    int space = cut.lastIndexOf(' ');
    if (space > HeadBuilder.DESCRIPTION_LENGTH / 2) {
      cut = cut.substring(0, space);
    }
    return cut.strip() + "…";
  }

  @Test
  void aLongBodyGivesTheDescriptionItsWholeTextWould() {
    List<String> texts = new ArrayList<>();
    texts.add("");
    texts.add("   ");
    texts.add("Short.");
    texts.add(" " + "x".repeat(159) + "   \n\t  ");
    texts.add("x".repeat(160) + " \n ");
    texts.add("x".repeat(161));
    texts.add(" ".repeat(700) + "word ".repeat(100));
    texts.add("a" + " ".repeat(1000) + "b".repeat(300));
    texts.add("word\u2003".repeat(80) + "\u2003".repeat(500) + "end");
    texts.add("😀".repeat(200));
    Random random = new Random(7);
    String[] pieces = {"a", "bb", " ", "\n", "\t\t", "   ", "😀", "\u00a0", "word "};
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(900);
      while (text.length() < length) {
        text.append(
            random.nextInt(10) == 0
                ? " ".repeat(random.nextInt(400))
                : pieces[random.nextInt(pieces.length)]);
      }
      texts.add(text.toString());
    }
    for (String text : texts) {
      String shortened = HeadBuilder.shorten(text);
      assertEquals(fromAllOfIt(text), shortened, () -> "for " + text.length() + " chars");
      assertTrue(shortened.length() <= HeadBuilder.DESCRIPTION_LENGTH);
    }
  }
}
