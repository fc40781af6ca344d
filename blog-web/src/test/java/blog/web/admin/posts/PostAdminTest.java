package blog.web.admin.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.login.StaffAccounts;
import blog.core.post.PostRepository;
import blog.core.security.SiteSecret;
import blog.core.site.SettingsRepository;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import blog.web.testing.Browser;
import blog.web.testing.EditorForms;
import blog.web.testing.StaffBrowsers;
import blog.web.testing.TestServer;
import blog.web.testing.WebTestBase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The admin's post screens over HTTP: writing, publishing, history, trash, media and access. */
class PostAdminTest extends WebTestBase {
  static final String PASSWORD = "correct horse battery staple";
  private final MutableClock clock = new MutableClock(TestServer.NOW);
  private StaffAccounts accounts;

  @Override
  protected Clock clock() {
    return clock;
  }

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    accounts =
        new StaffAccounts(
            new UserRepository(jdbi),
            Fixtures.PASSWORDS,
            new SettingsRepository(jdbi),
            SiteSecret.signer(new SettingsRepository(jdbi), new SecureRandom()),
            clock);
  }

  private Browser author() {
    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    return staff.loggedIn(staff.account(Role.AUTHOR, "Author"));
  }

  static String hidden(String page, String name) {
    return StaffBrowsers.hidden(page, name);
  }

  private static Map<String, String> form(String page, String title, String body, String status) {
    return EditorForms.post(page, title, body, status);
  }

  /** Creates a post through the editor; returns its id. */
  private long create(Browser browser, String title, String body, String status) {
    String page = browser.page("/admin/posts/new");
    HttpResponse<String> saved = browser.post("/admin/posts", form(page, title, body, status));
    assertEquals(303, saved.statusCode(), saved.body());
    Matcher m =
        Pattern.compile("/admin/posts/(\\d+)/edit\\?saved=1")
            .matcher(saved.headers().firstValue("Location").orElse(""));
    assertTrue(m.matches());
    return Long.parseLong(m.group(1));
  }

  private static String viewLink(String editor) {
    Matcher m = Pattern.compile("<a href=\"([^\"]+)\">View post</a>").matcher(editor);
    assertTrue(m.find(), "a View post link");
    return m.group(1);
  }

  @Test
  void theEditorOfAPostOpensWithItsPreviewAndSaysWhenItWasPublished() {
    Browser browser = author();
    String title = Fixtures.unique("Previewed");
    long id = create(browser, title, "Hello *world*, in the design of the site.", "publish");

    String editor = browser.page("/admin/posts/" + id + "/edit");
    assertTrue(
        editor.contains(
            "<div id=\"preview\" class=\"entry-content\"><p>Hello <em>world</em>, in the"
                + " design of the site.</p>"),
        "the preview is filled when the post is opened: "
            + excerptAround(editor, "id=\"preview\""));
    assertTrue(
        editor.contains("<article class=\"post single preview-post\">"), "the post's markup");
    assertTrue(editor.contains("id=\"preview-title\">" + title + "</h3>"), "with its title");
    assertTrue(
        editor.contains(
            "<span id=\"publication\" class=\"publication\">Published on June 1, 2026 at "),
        excerptAround(editor, "post-state"));

    String page = browser.page("/admin/posts/new");
    Map<String, String> later = form(page, Fixtures.unique("Later"), "Soon.", "schedule");
    later.put("publish_at", "2026-07-01T09:30");
    HttpResponse<String> scheduled = browser.post("/admin/posts", later);
    assertEquals(303, scheduled.statusCode(), scheduled.body());
    String scheduledEditor = browser.page(scheduled.headers().firstValue("Location").orElseThrow());
    assertTrue(
        scheduledEditor.contains(">Scheduled for July 1, 2026 at "),
        excerptAround(scheduledEditor, "post-state"));
  }

  private static String excerptAround(String page, String marker) {
    int at = Math.max(0, page.indexOf(marker));
    return page.substring(at, Math.min(page.length(), at + 300));
  }

  @Test
  void anAutosaveIsOfferedBackAndCanBeRestored() {
    Browser browser = author();
    long id = create(browser, Fixtures.unique("Autosaved"), "Saved text", "draft");
    String editor = browser.page("/admin/posts/" + id + "/edit");
    clock.advance(Duration.ofSeconds(30));
    HttpResponse<String> autosaved =
        browser.post(
            "/admin/posts/" + id + "/autosave",
            Map.of(
                "_csrf", hidden(editor, "_csrf"),
                "version", hidden(editor, "version"),
                "title", "Autosaved title",
                "body", "Typed but not saved",
                "excerpt", ""));
    assertEquals(204, autosaved.statusCode(), autosaved.body());

    String reopened = browser.page("/admin/posts/" + id + "/edit");
    assertTrue(reopened.contains("There is an autosave newer than this version"), reopened);
    assertFalse(reopened.contains(">Typed but not saved</textarea>"), "not adopted by itself");
    HttpResponse<String> stale =
        browser.post(
            "/admin/posts/" + id + "/autosave/restore",
            Map.of("_csrf", hidden(reopened, "_csrf"), "version", "0"));
    assertEquals(303, stale.statusCode());
    String location = stale.headers().firstValue("Location").orElseThrow();
    assertTrue(browser.page(location).contains("The autosave was not restored"), location);
    HttpResponse<String> restored =
        browser.post(
            "/admin/posts/" + id + "/autosave/restore",
            Map.of("_csrf", hidden(reopened, "_csrf"), "version", hidden(reopened, "version")));
    assertEquals(303, restored.statusCode(), restored.body());
    assertTrue(browser.page("/admin/posts/" + id + "/edit").contains("Typed but not saved"));
  }

  @Test
  void aDraftIsPreviewedThenPublishedAndAppearsOnTheHomePage() {
    Browser browser = author();
    String title = Fixtures.unique("Draft");
    long id = create(browser, title, "Some **bold** words", "draft");
    String editor = browser.page("/admin/posts/" + id + "/edit?saved=1");
    assertTrue(editor.contains("Post saved."));
    assertFalse(server.page("/").contains(title), "a draft is not public");
    assertTrue(browser.page("/admin/posts?status=drafts").contains(title));

    HttpResponse<String> preview =
        browser.post(
            "/admin/posts/preview",
            Map.of("_csrf", hidden(editor, "_csrf"), "body", "Some **bold** words"));
    assertEquals(200, preview.statusCode());
    assertTrue(preview.body().contains("<strong>bold</strong>"), preview.body());

    Map<String, String> noScript = form(editor, title, "A *previewed* text", "draft");
    noScript.put("preview", "1");
    HttpResponse<String> previewed = browser.post("/admin/posts/" + id, noScript);
    assertEquals(200, previewed.statusCode());
    assertTrue(previewed.body().contains("<em>previewed</em>"));

    HttpResponse<String> published =
        browser.post("/admin/posts/" + id, form(editor, title, "Now public", "publish"));
    assertEquals(303, published.statusCode(), published.body());
    assertTrue(server.page("/").contains(title));
    String after = browser.page("/admin/posts/" + id + "/edit?saved=1");
    assertTrue(server.page(viewLink(after)).contains("Now public"));
  }

  @Test
  void aScheduledPostAppearsWhenItsTimeComes() {
    Browser browser = author();
    String title = Fixtures.unique("Scheduled");
    String page = browser.page("/admin/posts/new");
    Matcher zone = Pattern.compile("Publication time \\(([^)]+)\\)").matcher(page);
    assertTrue(zone.find());
    Map<String, String> form = form(page, title, "Later", "schedule");
    form.put(
        "publish_at",
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .format(
                LocalDateTime.ofInstant(
                    clock.instant().plus(Duration.ofHours(2)), ZoneId.of(zone.group(1)))));
    assertEquals(303, browser.post("/admin/posts", form).statusCode());
    assertFalse(server.page("/").contains(title));
    clock.advance(Duration.ofHours(3));
    assertTrue(server.page("/").contains(title));
  }

  @Test
  void aChangedSlugMovesPermanently() {
    Browser browser = author();
    String title = Fixtures.unique("Moving");
    long id = create(browser, title, "Text", "publish");
    String editor = browser.page("/admin/posts/" + id + "/edit");
    String oldLink = viewLink(editor);
    Map<String, String> form = form(editor, title, "Text", "publish");
    form.put("slug", "moved-" + id);
    assertEquals(303, browser.post("/admin/posts/" + id, form).statusCode());
    String newLink = viewLink(browser.page("/admin/posts/" + id + "/edit"));
    assertTrue(newLink.contains("moved-" + id));
    HttpResponse<String> old = server.get(oldLink);
    assertEquals(301, old.statusCode());
    assertEquals(newLink, old.headers().firstValue("Location").orElse(""));
    assertTrue(server.page(newLink).contains(title));
  }

  @Test
  void anEditConflictIsRefusedShowingBothVersions() {
    Browser browser = author();
    String title = Fixtures.unique("Conflict");
    long id = create(browser, title, "Original", "draft");
    String tabOne = browser.page("/admin/posts/" + id + "/edit");
    String tabTwo = browser.page("/admin/posts/" + id + "/edit");
    assertEquals(
        303,
        browser
            .post("/admin/posts/" + id, form(tabOne, title, "Saved first", "draft"))
            .statusCode());
    HttpResponse<String> second =
        browser.post("/admin/posts/" + id, form(tabTwo, title, "Typed second", "draft"));
    assertEquals(409, second.statusCode());
    assertTrue(second.body().contains("Someone else saved this post"));
    assertTrue(second.body().contains("Saved first"));
    assertTrue(second.body().contains("Typed second"));
    assertTrue(browser.page("/admin/posts/" + id + "/edit").contains("Saved first"));
  }

  @Test
  void aRevisionIsRestored() {
    Browser browser = author();
    String title = Fixtures.unique("History");
    long id = create(browser, title, "First text", "draft");
    String editor = browser.page("/admin/posts/" + id + "/edit");
    assertEquals(
        303,
        browser
            .post("/admin/posts/" + id, form(editor, title, "Second text", "draft"))
            .statusCode());
    String list = browser.page("/admin/posts/" + id + "/revisions");
    Matcher links =
        Pattern.compile("href=\"(/admin/posts/" + id + "/revisions/\\d+)\"").matcher(list);
    String last = null;
    while (links.find()) {
      last = links.group(1);
    }
    String revision = browser.page(last);
    assertTrue(revision.contains("diff-removed"), revision);
    assertTrue(revision.contains("First text"));
    HttpResponse<String> stale =
        browser.post(last + "/restore", Map.of("_csrf", hidden(revision, "_csrf"), "version", "1"));
    assertEquals(409, stale.statusCode(), "a version from before the last save");
    assertTrue(stale.body().contains("Nothing was restored"), stale.body());
    HttpResponse<String> restored =
        browser.post(
            last + "/restore",
            Map.of("_csrf", hidden(revision, "_csrf"), "version", hidden(revision, "version")));
    assertEquals(303, restored.statusCode(), restored.body());
    assertTrue(browser.page("/admin/posts/" + id + "/edit").contains("First text"));
  }

  @Test
  void trashHidesAndRestoreShows() {
    Browser browser = author();
    String title = Fixtures.unique("Trashed");
    long id = create(browser, title, "Text", "publish");
    String editor = browser.page("/admin/posts/" + id + "/edit");
    String link = viewLink(editor);
    Map<String, String> csrf = Map.of("_csrf", hidden(editor, "_csrf"));
    assertEquals(303, browser.post("/admin/posts/" + id + "/trash", csrf).statusCode());
    assertEquals(404, server.get(link).statusCode());
    assertTrue(browser.page("/admin/posts?status=trash").contains(title));
    assertEquals(303, browser.post("/admin/posts/" + id + "/restore", csrf).statusCode());
    assertEquals(200, server.get(link).statusCode());
  }

  private static int count(String list, String view) {
    Matcher m = Pattern.compile(view + " \\((\\d+)\\)").matcher(list);
    assertTrue(m.find(), view + " count in the list");
    return Integer.parseInt(m.group(1));
  }

  @Test
  void theListsCountsFollowEachChangeAtOnce() {
    Browser browser = author();
    String before = browser.page("/admin/posts");
    long id = create(browser, Fixtures.unique("Counted"), "Text", "draft");
    String after = browser.page("/admin/posts");
    assertEquals(count(before, "Drafts") + 1, count(after, "Drafts"));
    assertEquals(count(before, "All") + 1, count(after, "All"));
    String editor = browser.page("/admin/posts/" + id + "/edit");
    Map<String, String> csrf = Map.of("_csrf", hidden(editor, "_csrf"));
    assertEquals(303, browser.post("/admin/posts/" + id + "/trash", csrf).statusCode());
    String trashed = browser.page("/admin/posts?status=trash");
    assertEquals(count(before, "Drafts"), count(trashed, "Drafts"));
    assertEquals(count(before, "Trash") + 1, count(trashed, "Trash"));
  }

  @Test
  void deleteFromTheTrashRemovesThePostForGoodButNotBeforeItIsTrashed() {
    Browser browser = author();
    String title = Fixtures.unique("Deleted for good");
    long id = create(browser, title, "Text", "publish");
    String editor = browser.page("/admin/posts/" + id + "/edit");
    String link = viewLink(editor);
    Map<String, String> csrf = Map.of("_csrf", hidden(editor, "_csrf"));

    assertEquals(303, browser.post("/admin/posts/" + id + "/delete", csrf).statusCode());
    assertEquals(200, server.get(link).statusCode(), "a post outside the trash is not deleted");
    assertEquals(200, browser.get("/admin/posts/" + id + "/edit").statusCode());

    assertEquals(303, browser.post("/admin/posts/" + id + "/trash", csrf).statusCode());
    HttpResponse<String> deleted = browser.post("/admin/posts/" + id + "/delete", csrf);
    assertEquals(303, deleted.statusCode(), deleted.body());
    assertEquals("/admin/posts?status=trash", deleted.headers().firstValue("Location").orElse(""));
    assertFalse(browser.page("/admin/posts?status=trash").contains(title), "gone from the trash");
    assertEquals(404, browser.get("/admin/posts/" + id + "/edit").statusCode());
    assertEquals(404, browser.post("/admin/posts/" + id + "/restore", csrf).statusCode());
    assertEquals(404, server.get(link).statusCode());
    assertTrue(new PostRepository(db.database().jdbi()).findById(id).isEmpty(), "no row left");
  }

  @Test
  void anUnknownPostIdIsNotFoundInTheEditor() {
    Browser browser = author();
    assertEquals(404, browser.get("/admin/posts/987654321/edit").statusCode());
    assertEquals(404, browser.get("/admin/posts/987654321/revisions").statusCode());
    String page = browser.page("/admin/posts");
    assertEquals(
        404,
        browser
            .post("/admin/posts/987654321/trash", Map.of("_csrf", hidden(page, "_csrf")))
            .statusCode());
  }

  @Test
  void uploadsRefuseDisguisedFilesAndServeImages() throws IOException {
    Browser browser = author();
    String csrf = hidden(browser.page("/admin/posts/new"), "_csrf");
    HttpResponse<String> disguised =
        upload(browser, csrf, "photo.png", "<script>alert(1)</script>".getBytes());
    assertEquals(422, disguised.statusCode());
    BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0xff0000 + (int) (System.nanoTime() & 0xff));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    HttpResponse<String> ok = upload(browser, csrf, "dot.png", png.toByteArray());
    assertEquals(200, ok.statusCode(), ok.body());
    Matcher m = Pattern.compile("!\\[[^]]*\\]\\((/media/[^)]+)\\)").matcher(ok.body());
    assertTrue(m.matches(), ok.body());
    HttpResponse<String> served = server.get(m.group(1));
    assertEquals(200, served.statusCode());
    assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""));
    assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertTrue(served.headers().firstValue("Cache-Control").orElse("").contains("immutable"));
  }

  @Test
  void uploadsOverTheLimitOrOfUnknownLengthAreRefusedBeforeReading() {
    new SettingsRepository(db.database().jdbi())
        .putAll(Map.of(blog.core.media.MediaSettings.MAX_UPLOAD_BYTES, "1000"));
    Browser browser = author();
    String csrf = hidden(browser.page("/admin/posts/new"), "_csrf");
    byte[] big = new byte[(int) MediaHandlers.FORM_OVERHEAD + 2000];
    HttpResponse<String> tooLarge = upload(browser, csrf, "big.png", big);
    assertEquals(413, tooLarge.statusCode(), tooLarge.body());
    byte[] small = new byte[10];
    HttpResponse<String> chunked =
        browser.send(
            HttpRequest.newBuilder(URI.create(server.url("/admin/media")))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .header("Origin", server.url("").replaceAll("/$", ""))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(small)))
                .build());
    assertEquals(411, chunked.statusCode(), chunked.body());
    assertFalse(browser.page("/admin/posts/new").isEmpty());
  }

  @Test
  void aPlainFormUploadLeadsBackToThePostsEditor() throws IOException {
    Browser browser = author();
    long id = create(browser, Fixtures.unique("With image"), "Text", "draft");
    String editor = browser.page("/admin/posts/" + id + "/edit");
    assertTrue(editor.contains("name=\"post_id\" value=\"" + id + "\""), editor);
    BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    HttpResponse<String> page =
        upload(browser, hidden(editor, "_csrf"), "x.png", png.toByteArray(), "text/html", id);
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("href=\"/admin/posts/" + id + "/edit\""), page.body());
    assertTrue(page.body().contains("<pre>![x](/media/"), page.body());
  }

  private HttpResponse<String> upload(Browser browser, String csrf, String name, byte[] bytes) {
    return upload(browser, csrf, name, bytes, "text/plain", 0);
  }

  private HttpResponse<String> upload(
      Browser browser, String csrf, String name, byte[] bytes, String accept, long postId) {
    String boundary = "----test" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + csrf
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"post_id\"\r\n\r\n"
            + postId
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + name
            + "\"\r\nContent-Type: image/png\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bytes);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return browser.send(
        HttpRequest.newBuilder(URI.create(server.url("/admin/media")))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", accept)
            .header("Origin", server.url("").replaceAll("/$", ""))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  @Test
  void anAdminGivesAPostToAnAuthorWhileAnAuthorCannotChooseAnyone() {
    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    User ann = staff.account(Role.AUTHOR, "Ann Author");
    User ada = staff.account(Role.ADMIN, "Ada Admin");
    Browser admin = staff.loggedIn(ada);
    String page = admin.page("/admin/posts/new");
    assertTrue(page.contains("<select id=\"author_id\" name=\"author_id\">"), page);
    assertTrue(page.contains("<option value=\"" + ann.id() + "\">Ann Author ("), page);
    String title = Fixtures.unique("Ghostwritten");
    Map<String, String> given = form(page, title, "For Ann", "draft");
    given.put("author_id", Long.toString(ann.id()));
    assertEquals(303, admin.post("/admin/posts", given).statusCode());
    Browser annBrowser = staff.loggedIn(ann);
    String list = annBrowser.page("/admin/posts?mine=1");
    assertTrue(list.contains(title), "the post is Ann's now");

    Map<String, String> unknown = form(page, Fixtures.unique("Nobody's"), "x", "draft");
    unknown.put("author_id", "999999999");
    HttpResponse<String> refused = admin.post("/admin/posts", unknown);
    assertEquals(422, refused.statusCode());
    assertTrue(refused.body().contains("There is no such author."), refused.body());

    String annPage = annBrowser.page("/admin/posts/new");
    assertFalse(annPage.contains("name=\"author_id\""), "authors get no author menu");
    String typed = Fixtures.unique("Passed on");
    Map<String, String> forged = form(annPage, typed, "Mine to give", "draft");
    forged.put("author_id", Long.toString(ada.id()));
    HttpResponse<String> denied = annBrowser.post("/admin/posts", forged);
    assertEquals(422, denied.statusCode());
    assertTrue(denied.body().contains("Only an admin may choose another author."));
    assertTrue(denied.body().contains("value=\"" + typed + "\""), "the typed title is kept");
  }

  @Test
  void theListNarrowsToMyOwnPostsAndTheEditorSuggestsExistingTerms() {
    Browser me = author();
    Browser other = author();
    String mine = Fixtures.unique("Mine");
    String theirs = Fixtures.unique("Theirs");
    create(me, mine, "x", "draft");
    create(other, theirs, "x", "draft");
    StaffBrowsers staff = new StaffBrowsers(db.database().jdbi(), server);
    Browser admin = staff.loggedIn(staff.account(Role.ADMIN, "Ada"));
    String everyone = admin.page("/admin/posts?status=drafts");
    assertTrue(everyone.contains(mine) && everyone.contains(theirs));
    assertTrue(everyone.contains("href=\"/admin/posts?status=drafts&amp;s=&amp;mine=1\""));
    String adminsOwn = Fixtures.unique("Admins");
    create(admin, adminsOwn, "x", "draft");
    String narrowed = admin.page("/admin/posts?status=drafts&mine=1");
    assertFalse(narrowed.contains(mine) || narrowed.contains(theirs), narrowed);
    assertTrue(narrowed.contains(adminsOwn));
    assertTrue(narrowed.contains("Drafts (1)"), "counts are of my own posts");
    assertTrue(narrowed.contains("name=\"mine\" value=\"1\""), "search keeps the narrowing");
    String myList = me.page("/admin/posts?mine=1");
    assertTrue(myList.contains(mine) && !myList.contains(theirs));

    String editor = me.page("/admin/posts/new");
    Matcher tags = Pattern.compile("<datalist id=\"tag-names\">(.*?)</datalist>").matcher(editor);
    assertTrue(tags.find(), editor);
    assertTrue(tags.group(1).contains("<option value=\"one\">"), tags.group(1));
    assertTrue(editor.contains("<option value=\"News\">"), "categories too");
  }

  @Test
  void anAuthorMayNotChangeAnotherAuthorsPost() {
    Browser owner = author();
    String title = Fixtures.unique("Owned");
    long id = create(owner, title, "Mine", "draft");
    Browser other = author();
    assertEquals(403, other.get("/admin/posts/" + id + "/edit").statusCode());
    String page = other.page("/admin/posts/new");
    assertEquals(
        403, other.post("/admin/posts/" + id, form(page, title, "Taken", "draft")).statusCode());
    assertEquals(
        403,
        other
            .post("/admin/posts/" + id + "/trash", Map.of("_csrf", hidden(page, "_csrf")))
            .statusCode());
    assertTrue(owner.page("/admin/posts/" + id + "/edit").contains("Mine"));
  }

  @Test
  void loggedOutAndTokenlessPostsAreRefused() {
    Browser visitor = new Browser(server);
    String login = visitor.page("/admin/login");
    Map<String, String> form =
        Map.of("_csrf", hidden(login, "_csrf"), "title", "Sneaky", "status", "publish");
    assertEquals(403, visitor.post("/admin/posts", form).statusCode());
    Browser browser = author();
    String page = browser.page("/admin/posts/new");
    Map<String, String> tokenless = form(page, Fixtures.unique("Tokenless"), "x", "publish");
    tokenless.remove("_csrf");
    assertEquals(403, browser.post("/admin/posts", tokenless).statusCode());
    assertFalse(browser.page("/admin/posts").contains(tokenless.get("title")));
  }
}
