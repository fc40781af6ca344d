package blog.core.federation;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reading and writing ActivityStreams JSON with Jackson, forgiving of the shapes peers send. */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
  static final String AS_CONTEXT = "https://www.w3.org/ns/activitystreams";
  static final String SECURITY_CONTEXT = "https://w3id.org/security/v1";

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** {@link Refused} (400) when {@code body} is not a JSON object. */
  static JsonNode parse(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw Refused.malformed("not a JSON object");
      }
      return node;
    } catch (JacksonException e) {
      throw Refused.malformed("not JSON");
    }
  }

  static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
  }

  static String text(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  /**
   * A field that names something: a string, or an object's {@code id} (or {@code href}, for links);
   * null when absent or of another shape.
   */
  static String id(JsonNode node, String field) {
    return idOf(node.get(field));
  }

  static String idOf(JsonNode value) {
    if (value == null) {
      return null;
    }
    if (value.isString()) {
      return value.stringValue();
    }
    if (value.isObject()) {
      String id = string(value, "id");
      return id != null ? id : string(value, "href");
    }
    if (value.isArray() && !value.isEmpty()) {
      return idOf(value.get(0));
    }
    return null;
  }

  /** A string field, or null when it is absent or not a string. */
  static String string(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
