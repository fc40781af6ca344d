package blog.core.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.NotFoundException;
import blog.core.comment.Comment;
import blog.core.comment.CommentService.Outcome;
import blog.core.comment.CommentStatus;
import blog.core.comment.DiscussionSettings;
import blog.core.comment.FieldError;
import blog.core.comment.ThreadedComment;
import blog.core.identity.IdentityRepository;
import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.post.Post;
import blog.core.reading.BlogReader;
import blog.core.reading.PostDetail;
import blog.core.taxonomy.TermRepository;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StaffWritingTest extends ModerationTestBase {
  @BeforeEach
  void discussion() {
    settings.putAll(
        Map.of(
            DiscussionSettings.REQUIRE_NAME_EMAIL, "true",
            DiscussionSettings.MAX_LENGTH, "200",
            DiscussionSettings.THREAD_DEPTH, "3"));
  }

  private static Comment stored(Outcome outcome) {
    return assertInstanceOf(Outcome.Stored.class, outcome, outcome.toString()).comment();
  }

  private static List<FieldError> refused(Outcome outcome) {
    return assertInstanceOf(Outcome.Refused.class, outcome, outcome.toString()).errors();
  }

  @Test
  void anEditChangesTheAuthorsDetailsAndRendersTheTextAgain() {
    long post = post(admin);
    long id = detailedComment(post, null, "first comment from this commenter");
    CommentEdit form = CommentEdit.of(moderation.find(admin, id).orElseThrow());
    assertEquals(
        new CommentEdit("Gus Guest", "gus@example.org", "https://gus.example", "Look at *this*."),
        form);

    Comment edited =
        stored(
            moderation.edit(
                admin,
                id,
                new CommentEdit(" Gus ", "GUS@Example.ORG", "gus.example", "**Bold** <b>x</b>")));
    assertEquals("Gus", edited.authorName());
    assertEquals("gus@example.org", edited.authorEmail());
    assertEquals("http://gus.example", edited.authorUrl());
    assertEquals("**Bold** <b>x</b>", edited.bodySource());
    assertEquals("<p><strong>Bold</strong> &lt;b&gt;x&lt;/b&gt;</p>\n", edited.bodyHtml());
    assertEquals(CommentStatus.PENDING, edited.status(), "an edit is no approval");
    assertNull(edited.editedAt(), "pages say 'edited' only for their author's edits");
    assertEquals("192.0.2.7", edited.clientIp());
  }

  @Test
  void anEditIsCheckedLikeANewCommentAndRefusedWhole() {
    long post = post(admin);
    long id = detailedComment(post, null, null);
    List<FieldError> errors =
        refused(
            moderation.edit(
                admin, id, new CommentEdit("Gus", "not an address", "javascript:alert(1)", "")));
    assertEquals(
        List.of("body", "email", "url"), errors.stream().map(FieldError::field).sorted().toList());
    assertEquals(
        "body",
        refused(moderation.edit(admin, id, new CommentEdit("G", "", "", "x".repeat(201))))
            .get(0)
            .field());
    assertEquals("Look at *this*.", stored(id).bodySource(), "nothing was stored");

    Comment anonymous = stored(moderation.edit(admin, id, new CommentEdit("", "", "", "Fine.")));
    assertEquals("Anonymous", anonymous.authorName(), "a moderator may remove name and email");
    assertNull(anonymous.authorEmail());
    assertThrows(
        NotFoundException.class,
        () -> moderation.edit(admin, Long.MAX_VALUE, new CommentEdit("a", "", "", "b")));
  }

  @Test
  void thePostAuthorsReplyIsPublicAtOnceAndShowsInThePublicThread() {
    User author = user(Role.AUTHOR, "Pat Poster");
    long postId = post(author);
    Post post = posts.findById(postId).orElseThrow();
    long question = comment(postId, null, CommentStatus.PENDING);
    clock.advance(java.time.Duration.ofMinutes(5));

    Comment reply = stored(moderation.reply(author, question, "  Thanks, **fixed**.  ", null));
    assertEquals(CommentStatus.APPROVED, reply.status());
    assertEquals(author.id(), reply.userId());
    assertEquals("Pat Poster", reply.authorName());
    assertEquals(author.email().toLowerCase(java.util.Locale.ROOT), reply.authorEmail());
    assertEquals(question, reply.parentId());
    assertEquals("Thanks, **fixed**.", reply.bodySource());
    assertEquals("<p>Thanks, <strong>fixed</strong>.</p>\n", reply.bodyHtml());
    assertEquals(clock.instant(), reply.createdAt());
    assertTrue(reply.isByPostAuthor(post));
    assertTrue(moderation.find(author, reply.id()).orElseThrow().isByPostAuthor());
    assertEquals(CommentStatus.APPROVED, status(question), "replying approves the question");
    assertEquals(List.of(question, reply.id()), notifications.approved);
    assertEquals(1, notifications.afterCommits.get());

    BlogReader reader =
        new BlogReader(
            posts,
            new TermRepository(db.database().jdbi()),
            comments,
            users,
            new IdentityRepository(db.database().jdbi()),
            settings,
            clock);
    PostDetail page = reader.post(post.slug());
    ThreadedComment thread = page.comments().get(0);
    assertEquals(question, thread.comment().id());
    assertEquals(reply.id(), thread.replies().get(0).comment().id());
    assertTrue(thread.replies().get(0).comment().isByPostAuthor(page.summary().post()));
  }

  @Test
  void anAdminsReplyIsStaffButNotThePostAuthorsAndIsStoredOncePerForm() {
    User author = user(Role.AUTHOR, "Quinn Poster");
    long postId = post(author);
    long question = comment(postId, null, CommentStatus.APPROVED);
    Comment reply = stored(moderation.reply(admin, question, "Admin here.", "key-" + postId));
    assertTrue(reply.isByStaff());
    assertFalse(reply.isByPostAuthor(posts.findById(postId).orElseThrow()));
    Comment again = stored(moderation.reply(admin, question, "Admin here.", "key-" + postId));
    assertEquals(reply.id(), again.id(), "a double click stores one reply");
    assertEquals(List.of(reply.id()), notifications.approved);
  }

  @Test
  void repliesAreRefusedToBinnedCommentsEmptyTextAndBeyondTheThreadDepth() {
    long postId = post(admin);
    long spam = comment(postId, null, CommentStatus.SPAM);
    long top = comment(postId, null, CommentStatus.APPROVED);
    long second = comment(postId, top, CommentStatus.APPROVED);
    long third = comment(postId, second, CommentStatus.APPROVED);

    assertEquals(
        FieldError.FORM, refused(moderation.reply(admin, spam, "Hi.", null)).get(0).field());
    assertEquals("body", refused(moderation.reply(admin, top, "   ", null)).get(0).field());
    assertEquals(
        "body", refused(moderation.reply(admin, top, "x".repeat(201), null)).get(0).field());
    assertEquals(
        FieldError.FORM, refused(moderation.reply(admin, third, "Deep.", null)).get(0).field());
    stored(moderation.reply(admin, second, "Still fits.", null));
    assertThrows(
        NotFoundException.class, () -> moderation.reply(admin, Long.MAX_VALUE, "Hi.", null));
    assertEquals(1, notifications.approved.size(), "only the stored reply was announced");
  }
}
