package blog.web.post;

import blog.core.comment.AvatarSource;
import blog.core.comment.Comment;
import blog.core.comment.CommentStatus;
import blog.core.comment.ThreadedComment;
import blog.core.federation.ReactionRepository;
import blog.core.federation.RemoteReplies;
import blog.core.identity.CommenterIdentity;
import blog.core.post.Post;
import blog.core.post.PostPage;
import blog.core.post.PostSummary;
import blog.core.site.SiteSettings;
import blog.core.taxonomy.Term;
import blog.core.text.ScrollableBlocks;
import blog.core.webmention.MentionVerifier;
import blog.web.site.Avatars;
import blog.web.site.Formats;
import blog.web.site.KeptExcerpts;
import blog.web.site.Permalinks;
import blog.web.site.TermLink;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** Turns what the reading service returns into view records for the templates. */
public final class PostViews {
  private final KeptExcerpts excerpts = new KeptExcerpts(2_000_000);

  /** The formats of the settings last asked for: their patterns are parsed once, not per page. */
  private record KeptFormats(SiteSettings site, Formats formats) {}

  private volatile KeptFormats lastFormats = null;

  /** What an avatar's URL is made from: a pure function of these, so kept by them. */
  private record AvatarKey(String name, String email, AvatarSource source) {}

  /** Avatar URLs by name, address and source: hashing them was a tenth of a comment's view. */
  private final Cache<AvatarKey, String> avatars =
      Caffeine.newBuilder().maximumSize(10_000).build();

  private String avatarUrl(String name, String email, AvatarSource source) {
    return avatars.get(new AvatarKey(name, email, source), key -> Avatars.url(name, email, source));
  }

  private Formats formats(SiteSettings site) {
    KeptFormats last = lastFormats;
    if (last == null || !last.site().equals(site)) {
      last = new KeptFormats(site, new Formats(site));
      lastFormats = last;
    }
    return last.formats();
  }

  public PostView post(PostSummary summary, SiteSettings site) {
    return post(summary, site, summary.post().commentsOpen());
  }

  /** A post's view as last made, and what it was made with besides the post. */
  private record KeptView(SiteSettings site, boolean commentsOpen, PostView view) {}

  /**
   * Views by the post they show, compared by identity: what pages read is kept as read ({@link
   * blog.core.reading.KeptReads}), so the same post read again is the same object, and its view
   * (dates, paths, terms' links, scrollable blocks) is not made again for every page.
   */
  private final Cache<PostSummary, KeptView> views =
      Caffeine.newBuilder().weakKeys().maximumSize(1_000).build();

  /** {@code commentsOpen}: whether the post takes comments now (settings may close old posts). */
  public PostView post(PostSummary summary, SiteSettings site, boolean commentsOpen) {
    KeptView kept = views.getIfPresent(summary);
    if (kept != null && kept.commentsOpen() == commentsOpen && kept.site().equals(site)) {
      return kept.view();
    }
    PostView view = made(summary, site, commentsOpen);
    views.put(summary, new KeptView(site, commentsOpen, view));
    return view;
  }

  private PostView made(PostSummary summary, SiteSettings site, boolean commentsOpen) {
    Formats formats = formats(site);
    Post p = summary.post();
    return new PostView(
        p.title(),
        Permalinks.post(p, formats.zone()),
        formats.date(p.publishedAt()),
        formats.iso(p.publishedAt()),
        Permalinks.day(p.publishedAt().atZone(formats.zone()).toLocalDate()),
        summary.authorName(),
        Permalinks.author(summary.authorSlug()),
        links(summary.categories()),
        links(summary.tags()),
        ScrollableBlocks.focusable(p.bodyHtml()),
        excerpts.excerpt(p.excerpt(), p.bodyHtml()),
        summary.commentCount(),
        commentsOpen);
  }

  public ListingView listing(String heading, PostPage page, String base, SiteSettings site) {
    return new ListingView(
        heading,
        page.posts().stream().map(s -> post(s, site)).toList(),
        page.hasNewer() ? Permalinks.page(base, page.page() - 1) : null,
        page.hasOlder() ? Permalinks.page(base, page.page() + 1) : null,
        page.page());
  }

  /** The comment tree for the page. */
  List<CommentView> comments(
      List<ThreadedComment> threads, SiteSettings site, ThreadOptions options) {
    Formats formats = formats(site);
    return threads.stream().map(t -> comment(t, formats, options)).toList();
  }

  private CommentView comment(ThreadedComment thread, Formats formats, ThreadOptions options) {
    Comment c = thread.comment();
    boolean approved = c.status() == CommentStatus.APPROVED;
    String permalink = options.permalink();
    CommenterIdentity identity =
        c.identityId() == null ? null : options.identities().get(c.identityId());
    String providerAvatar = identity == null ? null : safeWebsite(identity.avatarUrl());
    return new CommentView(
        c.id(),
        c.authorName(),
        safeWebsite(identity != null ? identity.profileUrl() : c.authorUrl()),
        providerAvatar != null
            ? providerAvatar
            : avatarUrl(c.authorName(), c.authorEmail(), options.avatars()),
        formats.dateTime(c.createdAt()),
        formats.iso(c.createdAt()),
        ScrollableBlocks.focusable(c.bodyHtml()),
        thread.depth(),
        !approved,
        approved && thread.depth() <= options.replyDepth()
            ? permalink + "?replytocom=" + c.id() + "#respond"
            : null,
        options.editable().test(c),
        permalink + "?editcomment=" + c.id() + "#comment-" + c.id(),
        c.editedAt() != null,
        thread.replies().stream().map(r -> comment(r, formats, options)).toList(),
        permalink + "#comment-" + c.id(),
        c.isByStaff(),
        c.isByPostAuthor(options.post()),
        options.moderated() ? StaffView.commentEditUrl(c.id()) : "",
        identity == null
            ? ""
            : MentionVerifier.PROVIDER.equals(identity.provider())
                ? "Webmention"
                : RemoteReplies.PROVIDER.equals(identity.provider()) ? "the fediverse" : "",
        "",
        "");
  }

  /**
   * "3 likes and 2 boosts from the fediverse", or "" when there are none (or federation is off):
   * said once under the post, quietly.
   */
  static String reactions(ReactionRepository.Counts counts) {
    if (counts == null || !counts.any()) {
      return "";
    }
    String likes = counts.likes() == 1 ? "1 like" : counts.likes() + " likes";
    String boosts = counts.boosts() == 1 ? "1 boost" : counts.boosts() + " boosts";
    String said =
        counts.likes() == 0 ? boosts : counts.boosts() == 0 ? likes : likes + " and " + boosts;
    return said + " from the fediverse";
  }

  private static List<TermLink> links(List<Term> terms) {
    return terms.stream().map(t -> new TermLink(t.name(), Permalinks.term(t), 0)).toList();
  }

  /** Only absolute http(s) addresses become links; anything else is shown as no link at all. */
  static String safeWebsite(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return web && uri.getHost() != null ? uri.toString() : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
