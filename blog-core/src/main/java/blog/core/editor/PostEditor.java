package blog.core.editor;

import blog.core.NotFoundException;
import blog.core.comment.FieldError;
import blog.core.db.Transactions;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import blog.core.taxonomy.Taxonomy;
import blog.core.taxonomy.Term;
import blog.core.taxonomy.TermRepository;
import blog.core.text.MarkdownRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Creating and changing posts in the admin: checks the acting user may, checks the form, and saves
 * with optimistic locking (the caller passes the version it edited; a newer stored version makes an
 * {@link EditConflict} and nothing is written). Every save stores a revision.
 */
public final class PostEditor {
  private final PostRepository posts;
  private final TermRepository terms;
  private final RevisionRepository revisions;
  private final AutosaveRepository autosaves;
  private final UserRepository users;
  private final PostStorage storage;
  private final Clock clock;

  public PostEditor(
      EditorPostRepository editorPosts,
      PostRepository posts,
      TermRepository terms,
      RevisionRepository revisions,
      SlugRedirectRepository redirects,
      AutosaveRepository autosaves,
      UserRepository users,
      MarkdownRenderer renderer,
      Transactions transactions,
      Clock clock) {
    this.posts = posts;
    this.terms = terms;
    this.revisions = revisions;
    this.autosaves = autosaves;
    this.users = users;
    this.clock = clock;
    this.storage =
        new PostStorage(
            editorPosts, posts, terms, revisions, redirects, autosaves, renderer, transactions);
  }

  /** How many existing names of each taxonomy the editor suggests while typing. */
  public static final int SUGGESTIONS = 200;

  /** Who the actor may name as a post's author: every staff account for an admin, else none. */
  public List<User> authorChoices(Actor actor) {
    return actor.isAdmin() ? users.all() : List.of();
  }

  /** Existing category or tag names to suggest while typing, the most used first. */
  public List<String> suggestions(Taxonomy taxonomy) {
    return terms.popularNames(taxonomy, SUGGESTIONS);
  }

  /** A post to edit, with its terms and the actor's newer autosave, if any. */
  public EditablePost open(Actor actor, long postId) {
    Post post = editable(actor, postId);
    List<Term> postTerms = terms.forPosts(List.of(postId)).getOrDefault(postId, List.of());
    Optional<Autosave> newer =
        autosaves
            .findForPost(actor.userId(), postId)
            .filter(a -> a.savedAt().isAfter(post.updatedAt()))
            .filter(a -> !a.text().equals(textOf(post)));
    return new EditablePost(
        post, names(postTerms, Taxonomy.CATEGORY), names(postTerms, Taxonomy.TAG), newer);
  }

  public SaveResult create(Actor actor, PostForm form) {
    return create(actor, form, null);
  }

  /**
   * Creates a post. {@code draftKey} names the autosave the editor kept while the post was new (may
   * be null); it is removed with the save.
   */
  public SaveResult create(Actor actor, PostForm form, String draftKey) {
    Instant now = now();
    PostChanges.Checked checked = PostChanges.from(form, actor, null, now);
    if (!checked.ok()) {
      return new Invalid(checked.errors());
    }
    if (!authorExists(checked.changes(), actor.userId())) {
      return Invalid.of("author", "There is no such author.");
    }
    return new Saved(storage.create(actor, checked.changes(), draftKey, now));
  }

  /** Saves the form over version {@code expectedVersion} of the post. */
  public SaveResult update(Actor actor, long postId, int expectedVersion, PostForm form) {
    return save(actor, postId, expectedVersion, form, RevisionKind.UPDATE);
  }

  /** Puts a revision's text back (as a new save, with a new revision); the rest stays. */
  public SaveResult restoreRevision(
      Actor actor, long postId, long revisionId, int expectedVersion) {
    Post post = editable(actor, postId);
    Revision revision =
        revisions
            .find(postId, revisionId)
            .orElseThrow(() -> new NotFoundException("revision " + revisionId));
    PostForm form = currentForm(post).withText(revision.text());
    return save(actor, postId, expectedVersion, form, RevisionKind.RESTORE);
  }

  /** Adopts the actor's autosave of the post as its text (a save, with a revision). */
  public SaveResult promoteAutosave(Actor actor, long postId, int expectedVersion) {
    Post post = editable(actor, postId);
    Optional<Autosave> autosave = autosaves.findForPost(actor.userId(), postId);
    if (autosave.isEmpty()) {
      return Invalid.of(FieldError.FORM, "There is no autosave of this post to restore.");
    }
    PostForm form = currentForm(post).withText(autosave.get().text());
    return save(actor, postId, expectedVersion, form, RevisionKind.AUTOSAVE);
  }

  private SaveResult save(
      Actor actor, long postId, int expectedVersion, PostForm form, RevisionKind kind) {
    Instant now = now();
    Post stored = editable(actor, postId);
    if (stored.version() != expectedVersion) {
      return conflict(stored, form, expectedVersion);
    }
    if (stored.status() == PostStatus.TRASH) {
      return Invalid.of(FieldError.FORM, "This post is in the trash: restore it to edit it.");
    }
    PostChanges.Checked checked = PostChanges.from(form, actor, stored, now);
    if (!checked.ok()) {
      return new Invalid(checked.errors());
    }
    if (!authorExists(checked.changes(), stored.authorId())) {
      return Invalid.of("author", "There is no such author.");
    }
    Optional<Post> saved =
        storage.update(actor, stored, expectedVersion, checked.changes(), kind, now);
    if (saved.isPresent()) {
      return new Saved(saved.get());
    }
    // Someone saved between our read and our write.
    return conflict(
        posts.findById(postId).orElseThrow(() -> new NotFoundException("post " + postId)),
        form,
        expectedVersion);
  }

  private static EditConflict conflict(Post stored, PostForm attempted, int attemptedVersion) {
    return new EditConflict(
        stored,
        attempted,
        attemptedVersion,
        TextDiff.between(
            stored.bodyMarkdown(),
            attempted.bodyMarkdown(),
            "saved version " + stored.version(),
            "your changes"));
  }

  /** The post, if it exists and the actor may change it. */
  private Post editable(Actor actor, long postId) {
    Post post = posts.findById(postId).orElseThrow(() -> new NotFoundException("post " + postId));
    actor.checkMayEdit(post);
    return post;
  }

  private PostForm currentForm(Post post) {
    List<Term> postTerms = terms.forPosts(List.of(post.id())).getOrDefault(post.id(), List.of());
    return PostForm.of(post, names(postTerms, Taxonomy.CATEGORY), names(postTerms, Taxonomy.TAG));
  }

  /** Whether the author the changes name exists (checked only when it is a new one). */
  private boolean authorExists(PostChanges c, long currentAuthor) {
    return c.authorId() == currentAuthor || users.findById(c.authorId()).isPresent();
  }

  static PostText textOf(Post post) {
    return new PostText(post.title(), post.bodyMarkdown(), post.excerpt());
  }

  private static List<String> names(List<Term> postTerms, Taxonomy taxonomy) {
    return postTerms.stream().filter(t -> t.taxonomy() == taxonomy).map(Term::name).toList();
  }

  /** Stored times have microseconds at best; comparing with them needs the same precision. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
