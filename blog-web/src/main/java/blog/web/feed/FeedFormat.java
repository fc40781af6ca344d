package blog.web.feed;

/** The two syndication formats every feed URL is served in. */
enum FeedFormat {
  /** RSS 2.0 at {@code .../feed/}. */
  RSS("rss_2.0", "application/rss+xml; charset=utf-8", "RSS"),
  /** Atom 1.0 (RFC 4287) at {@code .../feed/atom/}. */
  ATOM("atom_1.0", "application/atom+xml; charset=utf-8", "Atom");

  final String romeType;
  final String contentType;
  final String label;

  FeedFormat(String romeType, String contentType, String label) {
    this.romeType = romeType;
    this.contentType = contentType;
    this.label = label;
  }

  /** The MIME type alone, as autodiscovery links and atom:link name it. */
  String mediaType() {
    return contentType.substring(0, contentType.indexOf(';'));
  }

  /** The feed's path below a page's path ending in "/": {@code feed/} or {@code feed/atom/}. */
  String suffix() {
    return this == RSS ? "feed/" : "feed/atom/";
  }
}
