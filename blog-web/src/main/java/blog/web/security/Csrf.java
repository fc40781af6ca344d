package blog.web.security;

import blog.core.security.Signer;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CSRF protection for every state-changing request, applied in one before-handler so no route can
 * forget it: the request must come from our own origin (when the browser says where from), and
 * carry a {@code _csrf} field signed for this browser's id cookie (a signed double-submit token).
 * The id cookie lives for the browser session and means nothing else.
 */
public final class Csrf {
  public static final String FIELD = "_csrf";
  static final String COOKIE = "blog_bid";
  private static final String PURPOSE = "csrf";
  private static final Pattern BROWSER_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

  private final Signer signer;
  private final Cookies cookies;
  private final String baseOrigin;
  private final SecureRandom random;
  private final Set<String> tokenAuthorisedPaths;

  /**
   * {@code tokenAuthorisedPaths}: POST routes authorised by a signed token of their own (mail
   * links, which mail clients post to without cookies) and so exempt from this check.
   */
  public Csrf(
      Signer signer,
      Cookies cookies,
      String baseUrl,
      SecureRandom random,
      Set<String> tokenAuthorisedPaths) {
    this.tokenAuthorisedPaths = Set.copyOf(tokenAuthorisedPaths);
    this.signer = signer;
    this.cookies = cookies;
    this.baseOrigin = origin(baseUrl).orElseThrow();
    this.random = random;
  }

  /** The browser's id, made (and sent as a cookie) on first need. */
  public String browserId(Context ctx) {
    Optional<String> known = browserIdFromCookie(ctx.cookie(cookieName()));
    if (known.isPresent()) {
      return known.get();
    }
    String cached = ctx.attribute(COOKIE);
    if (cached != null) {
      return cached;
    }
    String id = newBrowserId();
    cookies.set(ctx, COOKIE, id, -1);
    ctx.attribute(COOKIE, id);
    return id;
  }

  /** The browser id in a browser-id cookie's raw value, if it is one. */
  public Optional<String> browserIdFromCookie(String raw) {
    return Cookies.decode(raw).filter(id -> BROWSER_ID.matcher(id).matches());
  }

  /** A new random browser id; the caller sends it as {@link #browserIdCookie}. */
  public String newBrowserId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The {@code Set-Cookie} value that gives a browser its id, for answers made outside Javalin. */
  public String browserIdCookie(String browserId) {
    return cookies.sessionCookieHeader(COOKIE, browserId);
  }

  /** The token for forms of the browser with this id. */
  public String tokenFor(String browserId) {
    return signer.sign(PURPOSE, browserId);
  }

  /** Stands for the token in a page rendered for the page cache; filled in per visitor. */
  public static final String TOKEN_PLACEHOLDER = "@@csrf-token-placeholder@@";

  private static final String DEFERRED = "csrf.deferred";

  /**
   * From now on this request's page is rendered for every visitor: {@link #token} answers {@link
   * #TOKEN_PLACEHOLDER}, which the page cache replaces with each visitor's own token.
   */
  public static void defer(Context ctx) {
    ctx.attribute(DEFERRED, Boolean.TRUE);
  }

  /** The page is rendered: {@link #token} answers real tokens again. */
  public static void resume(Context ctx) {
    ctx.attribute(DEFERRED, Boolean.FALSE);
  }

  public static boolean deferred(Context ctx) {
    return Boolean.TRUE.equals(ctx.attribute(DEFERRED));
  }

  /** The token forms of this browser carry in {@value #FIELD}. */
  public String token(Context ctx) {
    if (deferred(ctx)) {
      return TOKEN_PLACEHOLDER;
    }
    return tokenFor(browserId(ctx));
  }

  /** The name of the browser-id cookie, the one cookie that never personalises a page. */
  public String cookieName() {
    return cookies.name(COOKIE);
  }

  /** Before every request: state-changing methods must pass, or {@link CsrfFailure} is thrown. */
  public void check(Context ctx) {
    HandlerType method = ctx.method();
    if (method == HandlerType.GET
        || method == HandlerType.HEAD
        || method == HandlerType.OPTIONS
        || tokenAuthorisedPaths.contains(ctx.path())) {
      return;
    }
    String origin = ctx.header("Origin");
    if (origin != null && (origin.equals("null") || !sameOrigin(origin, ctx))) {
      throw new CsrfFailure("This form was sent from another site.");
    }
    Optional<String> id = cookies.get(ctx, COOKIE);
    if (id.isEmpty()) {
      throw new CsrfFailure(
          "Your browser did not send back the cookie this form needs. Please allow cookies for"
              + " this site and submit again.");
    }
    Optional<String> signedFor = signer.verify(PURPOSE, ctx.formParam(FIELD));
    if (signedFor.isEmpty() || !signedFor.get().equals(id.get())) {
      throw new CsrfFailure("This form has expired. Please submit it again.");
    }
  }

  private boolean sameOrigin(String origin, Context ctx) {
    Optional<String> given = origin(origin);
    if (given.isEmpty()) {
      return false;
    }
    if (given.get().equals(baseOrigin)) {
      return true;
    }
    // Also the address the request was actually made to (e.g. http://127.0.0.1:port in tests).
    String host = ctx.header("Host");
    return host != null
        && given.get().equals((ctx.scheme() + "://" + host).toLowerCase(Locale.ROOT));
  }

  static Optional<String> origin(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getHost() == null) {
        return Optional.empty();
      }
      String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
      return Optional.of((uri.getScheme() + "://" + uri.getHost() + port).toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
