package blog.web.seo;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Structured data as JSON-LD, serialised by Jackson (never by gluing strings), then made safe
 * inside an HTML {@code <script>} element: {@code <}, {@code >} and {@code &} can only occur inside
 * JSON strings, where their {@code \\uXXXX} escapes mean the same, so no text can close the element
 * ({@code </script>}) or open a comment.
 */
public final class JsonLd {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private JsonLd() {}

  public static String script(Map<String, Object> data) {
    return MAPPER
        .writeValueAsString(data)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }
}
