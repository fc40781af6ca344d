package blog.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OneLineTest {
  @Test
  void controlsAndLineSeparatorsGoAndTheEndsAreStripped() {
    assertEquals("a b c d e", OneLine.clean(" a\tb\u2028c\u2029d\u0085e\n", " "));
    assertEquals("abc", OneLine.clean("a\u0000b\u007fc\u009f", ""));
    assertEquals("", OneLine.clean(null, " "));
  }

  @Test
  void otherTextIsKeptAsTyped() {
    assertEquals("Zoë  O’Brien — 日本", OneLine.clean("Zoë  O’Brien — 日本", " "));
  }
}
