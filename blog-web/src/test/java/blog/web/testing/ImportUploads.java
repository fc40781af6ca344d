package blog.web.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/** The import screen's upload (multipart: the CSRF token and the file) as a browser sends it. */
public final class ImportUploads {
  private ImportUploads() {}

  /** With {@code progress}, as the screen's script sends it (answered with progress lines). */
  public static HttpRequest request(Site site, String csrf, byte[] bytes, boolean progress) {
    String boundary = "----test" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + csrf
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.xml\""
            + "\r\nContent-Type: text/xml\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(site.url("/admin/import")))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Origin", site.url("").replaceAll("/$", ""))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (progress) {
      request.header("X-Import-Progress", "lines");
    }
    return request.build();
  }
}
