package blog.web.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The stored-XSS probes of {@code xss-payloads.txt}, one a line, comment lines left out. */
public final class XssPayloads {
  private XssPayloads() {}

  public static List<String> all() {
    try (InputStream in = XssPayloads.class.getResourceAsStream("/xss-payloads.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("# "))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
