package blog.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.comment.CommentService.Outcome;
import blog.core.comment.check.DuplicateCheck;
import blog.core.db.Transactions;
import blog.core.identity.CommenterIdentity;
import blog.core.identity.IdentityRepository;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.site.SettingsRepository;
import blog.core.testing.DatabaseTestBase;
import blog.core.testing.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommentServiceTest extends DatabaseTestBase {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final AtomicInteger IPS = new AtomicInteger();

  private CommentService service;
  private CommentRepository comments;
  private SettingsRepository settings;
  private Fixtures fixtures;
  private long author;

  @Override
  protected void prepare() {
    var jdbi = db.database().jdbi();
    comments = new CommentRepository(jdbi);
    settings = new SettingsRepository(jdbi);
    fixtures = new Fixtures(jdbi);
    service =
        new CommentService(
            new PostRepository(jdbi),
            comments,
            settings,
            new CommentRenderer(),
            CommentService.standardChecks(comments),
            new Transactions(jdbi),
            CommentNotifications.NONE);
    author = fixtures.author("Poster");
  }

  @BeforeEach
  void baselineSettings() {
    Map<String, String> baseline = new HashMap<>();
    baseline.put(DiscussionSettings.MODERATION, "first");
    baseline.put(DiscussionSettings.FLOOD_SECONDS, "15");
    baseline.put(DiscussionSettings.MIN_SECONDS_TO_SUBMIT, "3");
    baseline.put(DiscussionSettings.MAX_LINKS, "2");
    baseline.put(DiscussionSettings.BLOCKLIST, "");
    baseline.put(DiscussionSettings.REQUIRE_NAME_EMAIL, "true");
    baseline.put(DiscussionSettings.THREAD_DEPTH, "5");
    baseline.put(DiscussionSettings.CLOSE_AFTER_DAYS, "0");
    baseline.put(DiscussionSettings.MAX_LENGTH, "10000");
    settings.putAll(baseline);
  }

  private long post() {
    return fixtures.post(
        author, Fixtures.unique("Post"), PostStatus.PUBLISHED, NOW.minusSeconds(86_400));
  }

  private static CommentForm form(long postId, String name, String email, String body) {
    return new CommentForm(
        Long.toString(postId), "", name, email, "", body, "", false, false, false);
  }

  private static SubmissionContext ctx() {
    return ctx(newIp(), UUID.randomUUID().toString(), NOW.minusSeconds(60), NOW);
  }

  private static SubmissionContext ctx(String ip, String key, Instant issued, Instant now) {
    return new SubmissionContext(ip, "JUnit", now, key, issued);
  }

  private static String newIp() {
    return "10.1." + (IPS.get() / 250) + "." + (IPS.incrementAndGet() % 250);
  }

  private static Comment stored(Outcome outcome) {
    return assertInstanceOf(Outcome.Stored.class, outcome, outcome.toString()).comment();
  }

  private static FieldError refused(Outcome outcome) {
    return assertInstanceOf(Outcome.Refused.class, outcome, outcome.toString()).errors().get(0);
  }

  @Test
  void aFirstCommentIsHeldAndOnceApprovedTheNextAppearsAtOnce() {
    long post = post();
    String email = Fixtures.unique("ann") + "@example.org";
    Comment first = stored(service.submit(form(post, "Ann", email, "Hello there."), ctx()));
    assertEquals(CommentStatus.PENDING, first.status());
    assertEquals("first comment from this commenter", first.heldReason());
    assertEquals("<p>Hello there.</p>\n", first.bodyHtml());

    fixtures.approve(first.id());
    Comment second =
        stored(service.submit(form(post, "Ann", email.toUpperCase(), "Me again."), ctx()));
    assertEquals(CommentStatus.APPROVED, second.status());
    assertNull(second.heldReason());
    assertEquals(email, second.authorEmail(), "emails are stored lower-cased");
  }

  @Test
  void aStaffMembersCommentIsApprovedAtOnceAndWrittenUnderTheirAccount() {
    settings.putAll(Map.of(DiscussionSettings.MODERATION, "all"));
    long post = post();
    User staff =
        new UserRepository(db.database().jdbi())
            .findById(author)
            .orElseThrow(); // the post's author
    CommentForm typed =
        new CommentForm(
            Long.toString(post),
            "",
            "Forged name",
            "forged@example.org",
            "https://evil.example",
            "Thanks for reading.",
            "",
            false,
            false,
            false);
    Comment comment =
        stored(
            service.submit(
                typed,
                new SubmissionContext(
                    newIp(),
                    "JUnit",
                    NOW,
                    UUID.randomUUID().toString(),
                    NOW,
                    null,
                    new StaffAuthor(staff.id(), staff.displayName(), staff.email()))));
    assertEquals(CommentStatus.APPROVED, comment.status(), "not held, even when all comments are");
    assertEquals(staff.id(), comment.userId());
    assertEquals("Poster", comment.authorName(), "the account's name, not the typed one");
    assertNull(comment.authorUrl());
    assertTrue(
        comment.isByPostAuthor(new PostRepository(db.database().jdbi()).findById(post).get()));
  }

  @Test
  void aLoggedInCommenterIsWhoTheProviderSaysAndIsKnownAfterOneApproval() {
    long post = post();
    CommenterIdentity identity =
        new IdentityRepository(db.database().jdbi())
            .save(
                "github",
                Fixtures.unique("gh"),
                "Octo Cat",
                "Octo@Example.org",
                "https://avatars.example/o.png",
                "https://github.com/octo",
                NOW);
    CommentForm typed =
        new CommentForm(
            Long.toString(post),
            "",
            "Forged name",
            "forged@example.org",
            "https://evil.example",
            "Hello from GitHub.",
            "",
            false,
            false,
            false);
    Comment first = stored(service.submit(typed, asIdentity(identity)));
    assertEquals("Octo Cat", first.authorName());
    assertEquals("octo@example.org", first.authorEmail());
    assertEquals("https://github.com/octo", first.authorUrl());
    assertEquals(identity.id(), first.identityId());
    assertEquals(CommentStatus.PENDING, first.status(), "first comment held");

    fixtures.approve(first.id());
    assertEquals(CommentStatus.APPROVED, submitAs(post, identity, "Again.").status());
  }

  private static SubmissionContext asIdentity(CommenterIdentity identity) {
    return new SubmissionContext(
        newIp(), "JUnit", NOW, UUID.randomUUID().toString(), NOW.minusSeconds(60), identity);
  }

  private Comment submitAs(long post, CommenterIdentity identity, String body) {
    CommentForm form =
        new CommentForm(Long.toString(post), "", "", "", "", body, "", false, false, false);
    return stored(service.submit(form, asIdentity(identity)));
  }

  @Test
  void aCommenterApprovedUnderOneLinkedIdentityIsNotHeldAgainUnderAnother() {
    long post = post();
    var identities = new IdentityRepository(db.database().jdbi());
    CommenterIdentity google =
        identities.save("google", Fixtures.unique("g"), "Lin", null, null, null, NOW);
    String address = Fixtures.unique("lin") + "@example.org";
    CommenterIdentity email =
        identities.saveLinked(google.id(), "email", address, "Lin", address, null, null, NOW);
    CommenterIdentity stranger =
        identities.save("github", Fixtures.unique("gh"), "Lin too", null, null, null, NOW);

    Comment first = submitAs(post, google, "Hello, with Google.");
    assertEquals(CommentStatus.PENDING, first.status(), "a first comment is held");
    assertEquals(
        CommentStatus.PENDING,
        submitAs(post, email, "Again, by email, before approval.").status(),
        "still nobody approved them");
    fixtures.approve(first.id());
    assertEquals(
        CommentStatus.APPROVED,
        submitAs(post, email, "Now by email.").status(),
        "approved once under Google, known under the linked email log-in");
    assertEquals(
        CommentStatus.PENDING,
        submitAs(post, stranger, "Another person, not linked.").status(),
        "an identity of another commenter is still new");
  }

  @Test
  void anAddressProvedByEmailLogInCountsItsApprovedGuestComments() {
    long post = post();
    String address = Fixtures.unique("gus") + "@example.org";
    Comment guest = stored(service.submit(form(post, "Gus", address, "As a guest."), ctx()));
    fixtures.approve(guest.id());
    CommenterIdentity email =
        new IdentityRepository(db.database().jdbi())
            .save("email", address, "Gus", address, null, null, NOW);
    assertEquals(CommentStatus.APPROVED, submitAs(post, email, "Logged in by email.").status());
    CommenterIdentity google =
        new IdentityRepository(db.database().jdbi())
            .save("google", Fixtures.unique("g"), "Gus", address, null, null, NOW);
    assertEquals(
        CommentStatus.PENDING,
        submitAs(post, google, "A provider's unproved address is not enough.").status());
  }

  @Test
  void aSettingLetsLoggedInCommentersSkipFirstCommentModeration() {
    long post = post();
    settings.putAll(Map.of(DiscussionSettings.TRUST_IDENTITIES, "true"));
    try {
      CommenterIdentity identity =
          new IdentityRepository(db.database().jdbi())
              .save("google", Fixtures.unique("g"), "Gee", null, null, null, NOW);
      assertEquals(CommentStatus.APPROVED, submitAs(post, identity, "Trusted.").status());
    } finally {
      settings.putAll(Map.of(DiscussionSettings.TRUST_IDENTITIES, "false"));
    }
  }

  @Test
  void moderationCanHoldEverythingOrNothing() {
    long post = post();
    settings.putAll(Map.of(DiscussionSettings.MODERATION, "none"));
    assertEquals(
        CommentStatus.APPROVED,
        stored(service.submit(form(post, "Bo", "bo@example.org", "Free."), ctx())).status());
    settings.putAll(Map.of(DiscussionSettings.MODERATION, "all"));
    Comment held = stored(service.submit(form(post, "Bo", "bo@example.org", "Held."), ctx()));
    assertEquals(CommentStatus.PENDING, held.status());
    assertEquals("every comment is held for moderation", held.heldReason());
  }

  @Test
  void repliesNestAndStopAtTheDepthLimit() {
    long post = post();
    settings.putAll(
        Map.of(DiscussionSettings.MODERATION, "none", DiscussionSettings.THREAD_DEPTH, "3"));
    Long parent = null;
    for (int depth = 1; depth <= 3; depth++) {
      CommentForm f =
          form(post, "Cy", "cy@example.org", "Depth " + depth)
              .replyingTo(parent == null ? "" : parent.toString());
      Comment c = stored(service.submit(f, ctx()));
      assertEquals(parent, c.parentId());
      parent = c.id();
    }
    CommentForm tooDeep =
        form(post, "Cy", "cy@example.org", "Depth 4").replyingTo(parent.toString());
    assertTrue(refused(service.submit(tooDeep, ctx())).message().contains("nested as deep"));
  }

  @Test
  void aReplyMustAnswerAnApprovedCommentOfTheSamePost() {
    long post = post();
    long other = post();
    long held =
        fixtures.comment(post, null, "H", "held", NOW.minusSeconds(10), CommentStatus.PENDING);
    long elsewhere = fixtures.comment(other, null, "E", "elsewhere", NOW.minusSeconds(10));
    for (String parent : List.of(Long.toString(held), Long.toString(elsewhere), "999999", "x")) {
      FieldError error =
          refused(
              service.submit(form(post, "D", "d@example.org", "Reply").replyingTo(parent), ctx()));
      assertEquals("The comment you are replying to cannot be found.", error.message(), parent);
    }
  }

  @Test
  void everyFieldProblemIsReportedAtOnce() {
    long post = post();
    Outcome outcome = service.submit(form(post, " ", "not-an-email", "  "), ctx());
    List<FieldError> errors = assertInstanceOf(Outcome.Refused.class, outcome).errors();
    assertEquals(List.of("body", "name", "email"), errors.stream().map(FieldError::field).toList());

    CommentForm badUrl =
        new CommentForm(
            Long.toString(post),
            "",
            "E",
            "e@example.org",
            "javascript:alert(1)",
            "Hi",
            "",
            false,
            false,
            false);
    assertEquals("url", refused(service.submit(badUrl, ctx())).field());

    settings.putAll(Map.of(DiscussionSettings.MAX_LENGTH, "10"));
    assertEquals(
        "body",
        refused(service.submit(form(post, "F", "f@example.org", "x".repeat(11)), ctx())).field());
  }

  @Test
  void nameAndEmailCanBeMadeOptionalAndWebsitesGetAScheme() {
    long post = post();
    settings.putAll(Map.of(DiscussionSettings.REQUIRE_NAME_EMAIL, "false"));
    Comment anonymous = stored(service.submit(form(post, "", "", "No name."), ctx()));
    assertEquals("Anonymous", anonymous.authorName());
    assertNull(anonymous.authorEmail());

    CommentForm withSite =
        new CommentForm(
            Long.toString(post),
            "",
            "G",
            "g@example.org",
            "example.com/me",
            "Site.",
            "",
            false,
            false,
            false);
    assertEquals("http://example.com/me", stored(service.submit(withSite, ctx())).authorUrl());
  }

  @Test
  void closedPostsDraftsAndOldPostsTakeNoComments() {
    long closedPost =
        fixtures.post(
            author, "Closed", PostStatus.PUBLISHED, NOW.minusSeconds(60), List.of(), List.of());
    fixtures.closeComments(closedPost);
    assertEquals(
        "Comments are closed on this post.",
        refused(service.submit(form(closedPost, "H", "h@example.org", "Hi"), ctx())).message());

    long draft = fixtures.post(author, "Draft", PostStatus.DRAFT, null);
    assertEquals(
        "This post cannot be found.",
        refused(service.submit(form(draft, "H", "h@example.org", "Hi"), ctx())).message());

    long old = post();
    settings.putAll(Map.of(DiscussionSettings.CLOSE_AFTER_DAYS, "1"));
    assertEquals(
        "Comments are closed on this post.",
        refused(service.submit(form(old, "H", "h@example.org", "Hi"), ctx())).message());
  }

  @Test
  void eachAntiSpamRuleFiresWithItsMessage() {
    long post = post();
    CommentForm robot =
        new CommentForm(
            Long.toString(post),
            "",
            "R",
            "r@example.org",
            "",
            "Buy",
            "http://spam",
            false,
            false,
            false);
    assertTrue(refused(service.submit(robot, ctx())).message().contains("meant to stay empty"));

    FieldError quick =
        refused(
            service.submit(
                form(post, "Q", "q@example.org", "Quick"),
                ctx(newIp(), UUID.randomUUID().toString(), NOW.minusSeconds(1), NOW)));
    assertTrue(quick.message().startsWith("That was quick!"), quick.message());

    String ip = newIp();
    stored(
        service.submit(
            form(post, "F", "f@example.org", "One"),
            ctx(ip, UUID.randomUUID().toString(), NOW.minusSeconds(60), NOW)));
    assertEquals(
        "You are posting comments too quickly. Please wait 10 seconds before commenting again.",
        refused(
                service.submit(
                    form(post, "F", "f@example.org", "Two"),
                    ctx(
                        ip,
                        UUID.randomUUID().toString(),
                        NOW.minusSeconds(60),
                        NOW.plusSeconds(5))))
            .message());
    stored(
        service.submit(
            form(post, "F", "f@example.org", "Three"),
            ctx(ip, UUID.randomUUID().toString(), NOW.minusSeconds(60), NOW.plusSeconds(16))));

    stored(service.submit(form(post, "Dup", "dup@example.org", "Same words."), ctx()));
    FieldError duplicate =
        refused(service.submit(form(post, "Dup", "dup@example.org", "Same words."), ctx()));
    assertEquals(DuplicateCheck.MESSAGE, duplicate.message());
    assertEquals("body", duplicate.field());
  }

  @Test
  void withoutAnEmailTheSameWordsUnderTheSameNameAreADuplicate() {
    long post = post();
    settings.putAll(Map.of(DiscussionSettings.REQUIRE_NAME_EMAIL, "false"));
    stored(service.submit(form(post, "Nomail", "", "Said once."), ctx()));
    assertEquals(
        DuplicateCheck.MESSAGE,
        refused(service.submit(form(post, "Nomail", "", "Said once."), ctx())).message());
    // As in WordPress, the same name counts even when an address comes with it this time.
    assertEquals(
        DuplicateCheck.MESSAGE,
        refused(service.submit(form(post, "Nomail", "n@example.org", "Said once."), ctx()))
            .message());
    // Another name is someone else saying it; so is another address under a known name.
    stored(service.submit(form(post, "Other", "", "Said once."), ctx()));
    stored(service.submit(form(post, "Named", "a@example.org", "Said once."), ctx()));
    stored(service.submit(form(post, "Named", "b@example.org", "Said once."), ctx()));
  }

  @Test
  void blockListSendsToSpamAndManyLinksAreHeldWithTheirReasons() {
    long post = post();
    settings.putAll(
        Map.of(
            DiscussionSettings.MODERATION, "none",
            DiscussionSettings.BLOCKLIST, "casino\n203.0.113.9"));
    Comment spam =
        stored(service.submit(form(post, "S", "s@example.org", "Best CASINO in town"), ctx()));
    assertEquals(CommentStatus.SPAM, spam.status());
    assertEquals("matched the block list entry \"casino\"", spam.heldReason());
    Comment byIp =
        stored(
            service.submit(
                form(post, "T", "t@example.org", "Innocent words"),
                ctx("203.0.113.9", UUID.randomUUID().toString(), NOW.minusSeconds(60), NOW)));
    assertEquals(CommentStatus.SPAM, byIp.status());

    Comment links =
        stored(
            service.submit(
                form(
                    post,
                    "L",
                    "l@example.org",
                    "https://a.example https://b.example www.c.example"),
                ctx()));
    assertEquals(CommentStatus.PENDING, links.status());
    assertTrue(links.heldReason().contains("3 links"), links.heldReason());
  }

  @Test
  void commentTextIsRenderedSafely() {
    long post = post();
    Comment c =
        stored(
            service.submit(
                form(
                    post,
                    "X",
                    "x@example.org",
                    "<script>alert(1)</script> *hi* https://example.com"),
                ctx()));
    assertTrue(!c.bodyHtml().contains("<script"), c.bodyHtml());
    assertTrue(c.bodyHtml().contains("<em>hi</em>"), c.bodyHtml());
    assertTrue(c.bodyHtml().contains("rel=\"nofollow ugc noopener\""), c.bodyHtml());
  }

  @Test
  void theSameFormSentTwiceStoresOneComment() {
    long post = post();
    SubmissionContext ctx = ctx();
    Comment first = stored(service.submit(form(post, "I", "i@example.org", "Once"), ctx));
    Comment again = stored(service.submit(form(post, "I", "i@example.org", "Once"), ctx));
    assertEquals(first.id(), again.id());
  }

  @Test
  void aStoredFormTriedAgainIsItsCommentWhateverWouldRefuseOrPassItNow() {
    long post = post();
    SubmissionContext ctx = ctx();
    Comment first = stored(service.submit(form(post, "K", "k@example.org", "First try"), ctx));
    // A retry that every check passes (other words) meets the stored key: the same comment.
    Comment passing = stored(service.submit(form(post, "K", "k@example.org", "Edited"), ctx));
    assertEquals(first.id(), passing.id());
    // A retry the rules would refuse now (comments closed meanwhile) is still the same comment.
    settings.putAll(Map.of(DiscussionSettings.CLOSE_AFTER_DAYS, "1"));
    Comment closed = stored(service.submit(form(post, "K", "k@example.org", "First try"), ctx));
    assertEquals(first.id(), closed.id());
    assertEquals(1, fixtures.countComments(post));
  }

  @Test
  void twentyConcurrentCopiesOfOneFormStoreOneComment() throws Exception {
    long post = post();
    SubmissionContext ctx = ctx();
    List<Outcome> outcomes =
        concurrently(20, i -> service.submit(form(post, "J", "j@example.org", "Race"), ctx));
    long id = stored(outcomes.get(0)).id();
    for (Outcome outcome : outcomes) {
      assertEquals(id, stored(outcome).id());
    }
    assertEquals(1, fixtures.countComments(post));
  }

  @Test
  void hundredConcurrentDistinctCommentsAllLandOnce() throws Exception {
    long post = post();
    settings.putAll(Map.of(DiscussionSettings.FLOOD_SECONDS, "0"));
    List<Outcome> outcomes =
        concurrently(
            100,
            i ->
                service.submit(
                    form(post, "K" + i, "k" + i + "@example.org", "Comment number " + i),
                    new SubmissionContext(
                        "127.0.0.1",
                        "JUnit",
                        NOW,
                        UUID.randomUUID().toString(),
                        NOW.minusSeconds(60))));
    assertEquals(100, outcomes.stream().map(o -> stored(o).id()).distinct().count());
    assertEquals(100, fixtures.countComments(post));
  }

  private interface Submission {
    Outcome submit(int index);
  }

  private static List<Outcome> concurrently(int n, Submission submission) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 32));
    CyclicBarrier start = new CyclicBarrier(Math.min(n, 32));
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  if (index < 32) {
                    start.await();
                  }
                  return submission.submit(index);
                }));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
