package blog.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader typed into the search box, made safe to hand to any database: control characters
 * and lone surrogates become spaces, runs of spaces one, and the whole is cut to {@link
 * #MAX_LENGTH} characters (never inside a surrogate pair). {@link #terms()} are its words and
 * "quoted phrases", lower-cased, at most {@link #MAX_TERMS} of them; a search without terms finds
 * nothing.
 */
public record SearchQuery(String text, List<String> terms) {
  public static final int MAX_LENGTH = 200;
  public static final int MAX_TERMS = 10;
  private static final Pattern TERM = Pattern.compile("\"([^\"]*)\"|(\\S+)");

  public SearchQuery {
    terms = List.copyOf(terms);
  }

  public static SearchQuery parse(String raw) {
    if (raw == null) {
      return new SearchQuery("", List.of());
    }
    StringBuilder clean = new StringBuilder();
    raw.codePoints()
        .map(
            c ->
                Character.isISOControl(c)
                        || !Character.isDefined(c)
                        || Character.getType(c) == Character.SURROGATE
                    ? ' '
                    : c)
        .map(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c)
        .forEach(clean::appendCodePoint);
    String text = clean.toString().strip().replaceAll(" {2,}", " ");
    if (text.length() > MAX_LENGTH) {
      int end = MAX_LENGTH;
      if (Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      text = text.substring(0, end).strip();
    }
    List<String> terms = new ArrayList<>();
    Matcher m = TERM.matcher(text);
    while (m.find() && terms.size() < MAX_TERMS) {
      String term = (m.group(1) != null ? m.group(1) : m.group(2)).strip();
      if (!term.isEmpty()) {
        terms.add(term.toLowerCase(Locale.ROOT));
      }
    }
    return new SearchQuery(text, terms);
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }
}
