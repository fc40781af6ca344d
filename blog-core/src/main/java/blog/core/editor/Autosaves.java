package blog.core.editor;

import blog.core.NotFoundException;
import blog.core.comment.FieldError;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.post.PostStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The editor's autosave: every few seconds it stores what is typed, for a post or (before the post
 * exists) under a draft key the client made up. An autosave never makes a revision and never
 * touches the post; the user's next save replaces it, and {@link PostEditor#open} offers it back
 * while it is newer than the post's last save. {@link PostEditor#promoteAutosave} adopts it.
 */
public final class Autosaves {
  private static final Pattern DRAFT_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  private final AutosaveRepository autosaves;
  private final PostRepository posts;
  private final Clock clock;

  public Autosaves(AutosaveRepository autosaves, PostRepository posts, Clock clock) {
    this.autosaves = autosaves;
    this.posts = posts;
    this.clock = clock;
  }

  /** Stores the text typed into the editor of version {@code baseVersion} of the post. */
  public AutosaveResult autosave(Actor actor, long postId, int baseVersion, PostText text) {
    Post post = posts.findById(postId).orElseThrow(() -> new NotFoundException("post " + postId));
    actor.checkMayEdit(post);
    if (post.status() == PostStatus.TRASH) {
      return Invalid.of(FieldError.FORM, "This post is in the trash: restore it to edit it.");
    }
    List<FieldError> errors = check(text);
    if (!errors.isEmpty()) {
      return new Invalid(errors);
    }
    return new Autosaved(autosaves.saveForPost(actor.userId(), postId, baseVersion, text, now()));
  }

  /** Stores the text typed for a post not created yet, under the client's draft key. */
  public AutosaveResult autosaveDraft(Actor actor, String draftKey, PostText text) {
    List<FieldError> errors = check(text);
    if (!validKey(draftKey)) {
      errors.add(new FieldError(FieldError.FORM, "This draft has no usable key."));
    }
    if (!errors.isEmpty()) {
      return new Invalid(errors);
    }
    return new Autosaved(autosaves.saveDraft(actor.userId(), draftKey, text, now()));
  }

  /** The actor's autosave of a post not created yet. */
  public Optional<Autosave> draft(Actor actor, String draftKey) {
    return validKey(draftKey) ? autosaves.findDraft(actor.userId(), draftKey) : Optional.empty();
  }

  /** Throws the actor's autosave of the post away ("Dismiss"). */
  public void discard(Actor actor, long postId) {
    autosaves.deleteForPost(actor.userId(), postId);
  }

  public void discardDraft(Actor actor, String draftKey) {
    if (validKey(draftKey)) {
      autosaves.deleteDraft(actor.userId(), draftKey);
    }
  }

  /** Only limits: half-typed text (even an empty title) is worth keeping. */
  private static List<FieldError> check(PostText text) {
    List<FieldError> errors = new ArrayList<>();
    if (text.title().length() > PostChanges.MAX_TITLE) {
      errors.add(new FieldError("title", "The title is too long."));
    }
    if (text.bodyMarkdown().length() > PostChanges.MAX_BODY) {
      errors.add(new FieldError("body", "The text is too long."));
    }
    if (text.excerpt().length() > PostChanges.MAX_EXCERPT) {
      errors.add(new FieldError("excerpt", "The excerpt is too long."));
    }
    return errors;
  }

  private static boolean validKey(String draftKey) {
    return draftKey != null && DRAFT_KEY.matcher(draftKey).matches();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
