package blog.core.mail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores a mail's extra headers as text, one {@code Name: value} per line. Unambiguous because
 * {@link OutgoingMail} allows neither colons in names nor line breaks anywhere.
 */
final class HeaderLines {
  private HeaderLines() {}

  static String encode(Map<String, String> headers) {
    StringBuilder text = new StringBuilder();
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
    return text.toString();
  }

  static Map<String, String> decode(String text) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (text == null) {
      return headers;
    }
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(": ");
      if (colon <= 0) {
        throw new IllegalStateException("stored mail header line is malformed");
      }
      headers.put(line.substring(0, colon), line.substring(colon + 2));
    }
    return headers;
  }
}
