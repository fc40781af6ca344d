package blog.web.http;

import java.util.Locale;

/**
 * What a request's {@code Accept} header asks for, where one address answers in more than one form:
 * a page for browsers, its ActivityStreams document for fediverse servers.
 */
public final class ContentNegotiation {
  private ContentNegotiation() {}

  /**
   * Whether a request asks for the ActivityStreams document of an address rather than its page (how
   * Mastodon looks up a pasted address); such a request is never answered from the page cache.
   */
  public static boolean asksForActivityJson(String accept) {
    if (accept == null) {
      return false;
    }
    String a = accept.toLowerCase(Locale.ROOT);
    return a.contains("application/activity+json") || a.contains("application/ld+json");
  }
}
