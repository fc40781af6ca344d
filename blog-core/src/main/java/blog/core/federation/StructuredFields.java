package blog.core.federation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of Structured Field Values for HTTP (RFC 8941, RFC 9651) that HTTP message signatures
 * need: parsing a Dictionary (as {@code Signature-Input}, {@code Signature} and {@code
 * Content-Digest} are) whose members are Items or Inner Lists with Parameters, and serialising an
 * Inner List again (the {@code @signature-params} line of a signature base). No library for it is
 * available to the build, so this follows the RFC's parsing algorithm (section 4.2) closely; Dates
 * and Display Strings (RFC 9651) are not read. Parameters and Dictionaries keep the order they
 * arrived in; a key given twice keeps its last value, as the RFC says.
 */
final class StructuredFields {
  private StructuredFields() {}

  /** A Token, kept apart from a String because they serialise differently. */
  record Token(String value) {}

  /** A bare value (Long, BigDecimal, String, Token, byte[] or Boolean) with its Parameters. */
  record Item(Object value, Map<String, Object> params) {}

  /** An Inner List of Items with its own Parameters. */
  record InnerList(List<Item> items, Map<String, Object> params) {}

  /** A Dictionary: each member an {@link Item} or an {@link InnerList}. */
  static Map<String, Object> dictionary(String field) {
    Parser p = new Parser(field == null ? "" : field);
    Map<String, Object> out = new LinkedHashMap<>();
    p.skipSpaces();
    if (p.atEnd()) {
      return out;
    }
    while (true) {
      String key = p.key();
      Object member;
      if (p.peek() == '=') {
        p.i++;
        member = p.peek() == '(' ? p.innerList() : p.item();
      } else {
        member = new Item(Boolean.TRUE, p.params());
      }
      out.remove(key); // a repeated key takes the last place and value
      out.put(key, member);
      p.skipOws();
      if (p.atEnd()) {
        return out;
      }
      p.expect(',');
      p.skipOws();
      if (p.atEnd()) {
        throw new IllegalArgumentException("a Dictionary ends with a comma");
      }
    }
  }

  /** An Inner List as RFC 8941 section 4.1.1.1 serialises it. */
  static String serialise(InnerList list) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < list.items().size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      Item item = list.items().get(i);
      bare(out, item.value());
      params(out, item.params());
    }
    out.append(')');
    params(out, list.params());
    return out.toString();
  }

  private static void params(StringBuilder out, Map<String, Object> params) {
    params.forEach(
        (key, value) -> {
          out.append(';').append(key);
          if (!Boolean.TRUE.equals(value)) {
            out.append('=');
            bare(out, value);
          }
        });
  }

  private static void bare(StringBuilder out, Object value) {
    if (value instanceof String s) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    } else if (value instanceof Token t) {
      out.append(t.value());
    } else if (value instanceof byte[] bytes) {
      out.append(':').append(Base64.getEncoder().encodeToString(bytes)).append(':');
    } else if (value instanceof Boolean b) {
      out.append(b ? "?1" : "?0");
    } else if (value instanceof BigDecimal d) {
      String plain = d.stripTrailingZeros().toPlainString();
      out.append(plain.contains(".") ? plain : plain + ".0");
    } else {
      out.append(value); // Long
    }
  }

  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return i >= s.length();
    }

    char peek() {
      return atEnd() ? '\0' : s.charAt(i);
    }

    void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + i);
      }
      i++;
    }

    void skipSpaces() {
      while (peek() == ' ') {
        i++;
      }
    }

    void skipOws() {
      while (peek() == ' ' || peek() == '\t') {
        i++;
      }
    }

    String key() {
      char first = peek();
      if (!(lcalpha(first) || first == '*')) {
        throw new IllegalArgumentException("a key must start with a lower-case letter or '*'");
      }
      int from = i;
      while (!atEnd()) {
        char c = peek();
        if (lcalpha(c) || digit(c) || c == '_' || c == '-' || c == '.' || c == '*') {
          i++;
        } else {
          break;
        }
      }
      return s.substring(from, i);
    }

    InnerList innerList() {
      expect('(');
      List<Item> items = new ArrayList<>();
      while (true) {
        skipSpaces();
        if (peek() == ')') {
          i++;
          return new InnerList(List.copyOf(items), params());
        }
        items.add(item());
        if (peek() != ' ' && peek() != ')') {
          throw new IllegalArgumentException("an Inner List's items are parted by spaces");
        }
      }
    }

    Item item() {
      Object value = bareItem();
      return new Item(value, params());
    }

    Map<String, Object> params() {
      Map<String, Object> params = new LinkedHashMap<>();
      while (peek() == ';') {
        i++;
        skipSpaces();
        String key = key();
        Object value = Boolean.TRUE;
        if (peek() == '=') {
          i++;
          value = bareItem();
        }
        params.remove(key);
        params.put(key, value);
      }
      return params;
    }

    Object bareItem() {
      char c = peek();
      if (c == '-' || digit(c)) {
        return number();
      }
      if (c == '"') {
        return string();
      }
      if (c == '*' || alpha(c)) {
        return token();
      }
      if (c == ':') {
        return bytes();
      }
      if (c == '?') {
        i++;
        char b = peek();
        if (b != '0' && b != '1') {
          throw new IllegalArgumentException("a Boolean is ?0 or ?1");
        }
        i++;
        return b == '1';
      }
      throw new IllegalArgumentException("no value at " + i);
    }

    private Object number() {
      int from = i;
      if (peek() == '-') {
        i++;
      }
      if (!digit(peek())) {
        throw new IllegalArgumentException("a number without digits");
      }
      boolean decimal = false;
      int digits = 0;
      int dot = -1;
      while (!atEnd()) {
        char c = peek();
        if (digit(c)) {
          digits++;
          i++;
        } else if (c == '.' && !decimal) {
          if (digits > 12) {
            throw new IllegalArgumentException("a Decimal's integer part is too long");
          }
          decimal = true;
          dot = i;
          i++;
        } else {
          break;
        }
        if (digits > 15) {
          throw new IllegalArgumentException("a number too long");
        }
      }
      String text = s.substring(from, i);
      if (!decimal) {
        return Long.parseLong(text);
      }
      int fraction = i - dot - 1;
      if (fraction < 1 || fraction > 3) {
        throw new IllegalArgumentException("a Decimal has one to three fractional digits");
      }
      return new BigDecimal(text);
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (!atEnd()) {
        char c = s.charAt(i++);
        if (c == '\\') {
          char next = peek();
          if (next != '"' && next != '\\') {
            throw new IllegalArgumentException("a String escapes only \" and \\");
          }
          out.append(next);
          i++;
        } else if (c == '"') {
          return out.toString();
        } else if (c < 0x20 || c > 0x7e) {
          throw new IllegalArgumentException("a String holds printable ASCII only");
        } else {
          out.append(c);
        }
      }
      throw new IllegalArgumentException("an unterminated String");
    }

    private Token token() {
      int from = i;
      i++;
      while (!atEnd() && (tchar(peek()) || peek() == ':' || peek() == '/')) {
        i++;
      }
      return new Token(s.substring(from, i));
    }

    private byte[] bytes() {
      expect(':');
      int from = i;
      while (!atEnd() && peek() != ':') {
        char c = peek();
        if (!(alpha(c) || digit(c) || c == '+' || c == '/' || c == '=')) {
          throw new IllegalArgumentException("a Byte Sequence holds base64 only");
        }
        i++;
      }
      String b64 = s.substring(from, i);
      expect(':');
      try {
        return Base64.getDecoder().decode(b64.getBytes(StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("a Byte Sequence that is not base64", e);
      }
    }

    private static boolean lcalpha(char c) {
      return c >= 'a' && c <= 'z';
    }

    private static boolean alpha(char c) {
      return lcalpha(c) || c >= 'A' && c <= 'Z';
    }

    private static boolean digit(char c) {
      return c >= '0' && c <= '9';
    }

    private static boolean tchar(char c) {
      return alpha(c) || digit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
  }
}
