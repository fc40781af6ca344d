package blog.web.testing;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser at HTTP level: keeps its cookies, sends forms as browsers do (url-encoded,
 * with an Origin header) and reads the reply form's fields back from a page.
 */
public final class Browser {
  private static final Pattern INPUT = Pattern.compile("<input([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\w[\\w-]*)=\"([^\"]*)\"");
  private static final Pattern REFRESH =
      Pattern.compile("<meta http-equiv=\"refresh\" content=\"0; url=([^\"]+)\">");
  private static final Pattern TEXTAREA =
      Pattern.compile("<textarea[^>]*name=\"comment\"[^>]*>(.*?)</textarea>", Pattern.DOTALL);

  private final Site server;
  private final CookieManager cookies;
  private final HttpClient http;

  public Browser(Site server) {
    this(server, new CookieManager());
  }

  private Browser(Site server, CookieManager cookies) {
    this.server = server;
    this.cookies = cookies;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** The same browser (same cookies) talking to another server, e.g. a second instance. */
  public Browser on(Site other) {
    return new Browser(other, cookies);
  }

  /** Sets a cookie as the blog would (values travel base64url-encoded). */
  public void setCookie(String name, String value) {
    HttpCookie cookie =
        new HttpCookie(
            name,
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(URI.create(server.url("/")), cookie);
  }

  /** The value of a cookie this browser holds for its site, exactly as the server set it. */
  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().get(URI.create(server.url("/"))).stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  /**
   * A GET that carries exactly this {@code Cookie} header and none of this browser's own cookies: a
   * cookie kept (or stolen) from an earlier moment, sent by hand.
   */
  public HttpResponse<String> getWithCookie(String path, String cookieHeader) {
    HttpClient bare =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    return TestServer.send(
        bare,
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Cookie", cookieHeader)
            .GET()
            .build());
  }

  /** A GET to any address (a log-in provider, say), with this browser's cookies. */
  public HttpResponse<String> getAbsolute(URI url) {
    return send(HttpRequest.newBuilder(url).GET().build());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(server.url(path))).GET().build());
  }

  public String page(String path) {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + response.statusCode());
    }
    return response.body();
  }

  /**
   * Comments on the post at {@code permalink} through its reply form, as Oona (oona@example.org),
   * which must be accepted (303 to the new comment); answers the new comment's id.
   */
  public long comment(String permalink, String text) {
    Map<String, String> form = replyForm(page(permalink));
    form.putAll(Map.of("author", "Oona", "email", "oona@example.org", "comment", text));
    HttpResponse<String> response = post("/comments/", form);
    if (response.statusCode() != 303) {
      throw new AssertionError(
          "comment answered " + response.statusCode() + ": " + response.body());
    }
    String location = response.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.indexOf("#comment-") + 9));
  }

  /** Posts a form the way a browser on our own pages does. */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
    return post(path, fields, server.url(""));
  }

  /** Posts a form whose fields may repeat (ticked checkboxes of one name), in order. */
  public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
    return send(
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", server.url("").replaceAll("/$", ""))
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
            .build());
  }

  public HttpResponse<String> post(
      String path, Map<String, String> fields, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", server.url("").replaceAll("/$", ""))
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
    headers.forEach(request::header);
    return send(request.build());
  }

  public HttpResponse<String> post(String path, Map<String, String> fields, String origin) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
    if (origin != null) {
      request.header(
          "Origin", origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
    }
    return send(request.build());
  }

  /** The reply form's fields on {@code html}, as a browser would send them untouched. */
  public static Map<String, String> replyForm(String html) {
    int start = html.indexOf("<form action=\"/comments/\"");
    if (start < 0) {
      throw new AssertionError("no reply form on the page");
    }
    String form = html.substring(start, html.indexOf("</form>", start));
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher input = INPUT.matcher(form);
    while (input.find()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      Matcher a = ATTRIBUTE.matcher(input.group(1));
      while (a.find()) {
        attributes.put(a.group(1), unescape(a.group(2)));
      }
      String name = attributes.get("name");
      boolean checkbox = "checkbox".equals(attributes.get("type"));
      if (name != null && (!checkbox || input.group(1).contains(" checked"))) {
        fields.put(name, attributes.getOrDefault("value", ""));
      }
    }
    Matcher textarea = TEXTAREA.matcher(form);
    fields.put("comment", textarea.find() ? unescape(textarea.group(1)) : "");
    return fields;
  }

  /**
   * Where a page that moves on by itself (the step from "Log in with …" to the provider) sends the
   * browser: its {@code <meta http-equiv="refresh">} target.
   */
  public static URI refreshTarget(String html) {
    Matcher refresh = REFRESH.matcher(html);
    if (!refresh.find()) {
      throw new AssertionError("the page does not move on by itself: " + html);
    }
    return URI.create(unescape(refresh.group(1)));
  }

  public static String unescape(String html) {
    return html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }

  public HttpResponse<String> send(HttpRequest request) {
    return TestServer.send(http, request);
  }

  /** A request whose answer is read some other way, e.g. as a stream while it arrives. */
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request, body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(Map<String, String> fields) {
    return encode(List.copyOf(fields.entrySet()));
  }

  private static String encode(List<Map.Entry<String, String>> fields) {
    return fields.stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(
                        e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
