package blog.web.admin.posts;

import blog.core.change.VersionMemos;
import blog.core.editor.PostFilter;
import blog.core.editor.PostListItem;
import blog.core.editor.PostListPage;
import blog.core.editor.PostListQuery;
import blog.core.editor.PostListRepository;
import blog.core.editor.PostListing;
import blog.core.editor.PostTrash;
import blog.core.editor.StatusCounts;
import blog.core.reading.KeyedPages;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@code /admin/posts}: the list with its views, search and pages; trash, restore, delete. */
public final class PostListHandlers {
  /** One view link ("Drafts (3)"). */
  public record Tab(String label, String url, int count, boolean current) {}

  /** One row of the list. */
  public record Row(
      long id,
      String title,
      String editUrl,
      String permalink,
      String author,
      String status,
      String date,
      boolean editable,
      boolean trashed) {}

  private final PostListing listing;
  private final Supplier<StatusCounts> everyonesCounts;
  private final PostListing.PageStarts starts;
  private final PostTrash trash;
  private final AdminScreens screens;

  /**
   * @param memos keep everyone's counts per view, and where each view's pages start, until the
   *     posts change
   */
  PostListHandlers(EditorServices services, VersionMemos memos, AdminScreens screens) {
    this.listing = services.listing();
    this.everyonesCounts = memos.perListingVersion(listing::everyonesCounts);
    Function<PostListRepository.View, AtomicReference<KeyedPages<PostListRepository.Key>>> kept =
        memos.perListingVersionEach(view -> new AtomicReference<>());
    this.starts =
        (view, page) -> kept.apply(view).updateAndGet(known -> listing.pages(view, known, page));
    this.trash = services.trash();
    this.screens = screens;
  }

  /** {@code GET /admin/posts?status=drafts&s=text&page=2&mine=1} */
  public void list(Context ctx) {
    PostFilter filter = PostFilter.fromParam(ctx.queryParam("status"));
    String search = AdminScreens.nonNull(ctx.queryParam("s"));
    boolean mine = "1".equals(ctx.queryParam("mine"));
    String mineParam = mine ? "&mine=1" : "";
    PostListPage page =
        listing.list(
            screens.actor(ctx),
            new PostListQuery(filter, search, pageParam(ctx), mine),
            everyonesCounts,
            starts);
    List<Tab> tabs =
        Arrays.stream(PostFilter.values())
            .map(
                f ->
                    new Tab(
                        label(f),
                        "/admin/posts?status=" + f.param() + mineParam,
                        page.counts().of(f),
                        f == filter))
            .toList();
    String base =
        "/admin/posts?status="
            + filter.param()
            + "&s="
            + URLEncoder.encode(page.query().search(), StandardCharsets.UTF_8)
            + mineParam
            + "&page=";
    String toggle =
        "/admin/posts?status="
            + filter.param()
            + "&s="
            + URLEncoder.encode(page.query().search(), StandardCharsets.UTF_8)
            + (mine ? "" : "&mine=1");
    screens.render(
        ctx,
        "admin/posts/list",
        "Posts",
        Map.of(
            "tabs",
            tabs,
            "rows",
            page.items().stream().map(this::row).toList(),
            "filter",
            filter.param(),
            "search",
            page.query().search(),
            "mine",
            mine,
            "mineToggleUrl",
            toggle,
            "page",
            page.page(),
            "totalPages",
            page.totalPages(),
            "previousUrl",
            page.hasPrevious() ? base + (page.page() - 1) : "",
            "nextUrl",
            page.hasNext() ? base + (page.page() + 1) : ""));
  }

  /** {@code POST /admin/posts/{id}/trash} */
  public void trash(Context ctx) {
    trash.trash(screens.actor(ctx), AdminScreens.id(ctx, "id"));
    ctx.redirect("/admin/posts?status=trash", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /admin/posts/{id}/restore}: out of the trash, back to the editor. */
  public void restore(Context ctx) {
    long id = AdminScreens.id(ctx, "id");
    trash.restore(screens.actor(ctx), id);
    ctx.redirect("/admin/posts/" + id + "/edit", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /admin/posts/{id}/delete}: only from the trash. */
  public void delete(Context ctx) {
    trash.deletePermanently(screens.actor(ctx), AdminScreens.id(ctx, "id"));
    ctx.redirect("/admin/posts?status=trash", HttpStatus.SEE_OTHER);
  }

  private Row row(PostListItem item) {
    return new Row(
        item.id(),
        item.title().isBlank() ? "(no title)" : item.title(),
        "/admin/posts/" + item.id() + "/edit",
        "",
        item.authorName(),
        item.shownStatus().dbValue() + (item.page() ? " (page)" : ""),
        screens.shown(item.publishedAt() != null ? item.publishedAt() : item.updatedAt()),
        item.editable(),
        item.status() == blog.core.post.PostStatus.TRASH);
  }

  private static String label(PostFilter filter) {
    String name = filter.param();
    return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }

  private static int pageParam(Context ctx) {
    try {
      return Integer.parseInt(AdminScreens.nonNull(ctx.queryParam("page")));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
