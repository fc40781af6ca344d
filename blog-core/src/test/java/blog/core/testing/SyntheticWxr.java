package blog.core.testing;

/**
 * A WordPress export made up for tests of large imports: posts with a category and a tag each, one
 * author, and comments of which every third answers the one before and every fifth is held.
 */
public final class SyntheticWxr {
  private SyntheticWxr() {}

  /** Comments that answer another, of {@code commentsEach} per post. */
  public static int threadedOf(int commentsEach) {
    return commentsEach / 3;
  }

  /** {@code posts} posts (WordPress ids 1…), each with {@code commentsEach} comments. */
  public static String export(int posts, int commentsEach) {
    StringBuilder out = new StringBuilder(posts * (1_000 + commentsEach * 500));
    out.append(
        """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
             xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
          <title>A large blog</title>
          <link>http://large.example.org</link>
          <wp:wxr_version>1.2</wp:wxr_version>
          <wp:base_site_url>http://large.example.org</wp:base_site_url>
          <wp:base_blog_url>http://large.example.org</wp:base_blog_url>
          <wp:author><wp:author_login>writer</wp:author_login>
            <wp:author_display_name>Writer</wp:author_display_name></wp:author>
        """);
    for (int p = 1; p <= posts; p++) {
      out.append(
          """
          <item>
            <title>Post %d</title>
            <link>http://large.example.org/?p=%d</link>
            <dc:creator><![CDATA[writer]]></dc:creator>
            <content:encoded><![CDATA[<p>The text of post %d, long enough to look like one: %s</p>]]></content:encoded>
            <excerpt:encoded><![CDATA[]]></excerpt:encoded>
            <wp:post_id>%d</wp:post_id>
            <wp:post_date>2020-05-01 10:00:00</wp:post_date>
            <wp:post_date_gmt>2020-05-01 08:00:00</wp:post_date_gmt>
            <wp:comment_status>open</wp:comment_status>
            <wp:post_name>post-%d</wp:post_name>
            <wp:status>publish</wp:status>
            <wp:post_parent>0</wp:post_parent>
            <wp:post_type>post</wp:post_type>
            <wp:post_password></wp:post_password>
            <category domain="category" nicename="topic-%d"><![CDATA[Topic %d]]></category>
            <category domain="post_tag" nicename="tag-%d"><![CDATA[Tag %d]]></category>
          """
              .formatted(p, p, p, "words ".repeat(40), p, p, p % 4, p % 4, p, p));
      for (int c = 1; c <= commentsEach; c++) {
        long id = p * 100_000L + c;
        long parent = c > 1 && c % 3 == 0 ? id - 1 : 0;
        out.append(
            """
              <wp:comment>
                <wp:comment_id>%d</wp:comment_id>
                <wp:comment_author><![CDATA[Reader %d]]></wp:comment_author>
                <wp:comment_author_email>reader%d@example.org</wp:comment_author_email>
                <wp:comment_date_gmt>2020-05-02 10:00:00</wp:comment_date_gmt>
                <wp:comment_content><![CDATA[Comment %d on post %d: %s]]></wp:comment_content>
                <wp:comment_approved>%s</wp:comment_approved>
                <wp:comment_parent>%d</wp:comment_parent>
              </wp:comment>
            """
                .formatted(
                    id, c, c, c, p, "a thought ".repeat(20), c % 5 == 0 ? "0" : "1", parent));
      }
      out.append("</item>\n");
    }
    return out.append("</channel>\n</rss>\n").toString();
  }
}
