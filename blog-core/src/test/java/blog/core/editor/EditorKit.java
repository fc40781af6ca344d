package blog.core.editor;

import blog.core.db.Transactions;
import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.post.Post;
import blog.core.post.PostRepository;
import blog.core.taxonomy.TermRepository;
import blog.core.testing.Fixtures;
import blog.core.testing.MutableClock;
import blog.core.text.MarkdownRenderer;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** The editor's services wired as the composition root wires them, on a test database and clock. */
final class EditorKit {
  final Jdbi jdbi;
  final MutableClock clock;
  final PostRepository posts;
  final UserRepository users;
  final TermRepository terms;
  final RevisionRepository revisions;
  final SlugRedirectRepository redirects;
  final AutosaveRepository autosaveRows;
  final PostEditor editor;
  final PostTrash trash;
  final PostHistory history;
  final Autosaves autosaves;
  final PostListing listing;
  final OldPermalinks oldPermalinks;
  final Fixtures fixtures;

  EditorKit(Jdbi jdbi, Instant start) {
    this.jdbi = jdbi;
    this.clock = new MutableClock(start);
    this.posts = new PostRepository(jdbi);
    this.users = new UserRepository(jdbi);
    this.terms = new TermRepository(jdbi);
    this.revisions = new RevisionRepository(jdbi);
    this.redirects = new SlugRedirectRepository(jdbi);
    this.autosaveRows = new AutosaveRepository(jdbi);
    EditorPostRepository editorPosts = new EditorPostRepository(jdbi);
    Transactions transactions = new Transactions(jdbi);
    this.editor =
        new PostEditor(
            editorPosts,
            posts,
            terms,
            revisions,
            redirects,
            autosaveRows,
            users,
            new MarkdownRenderer(),
            transactions,
            clock);
    this.trash = new PostTrash(editorPosts, posts, transactions, clock);
    this.history = new PostHistory(posts, revisions);
    this.autosaves = new Autosaves(autosaveRows, posts, clock);
    this.listing = new PostListing(new PostListRepository(jdbi), terms, clock);
    this.oldPermalinks = new OldPermalinks(redirects, posts, clock);
    this.fixtures = new Fixtures(jdbi);
  }

  Actor author(String name) {
    return user(name, Role.AUTHOR);
  }

  Actor admin(String name) {
    return user(name, Role.ADMIN);
  }

  private Actor user(String name, Role role) {
    long id = users.insert(Fixtures.unique("user"), name, null, role, Instant.EPOCH);
    return new Actor(id, role);
  }

  /** Creates a post and returns it, failing the test if it was refused. */
  Post create(Actor actor, Form form) {
    SaveResult result = editor.create(actor, form.build());
    if (result instanceof Saved saved) {
      return saved.post();
    }
    throw new AssertionError("not saved: " + result);
  }

  Post update(Actor actor, Post post, Form form) {
    SaveResult result = editor.update(actor, post.id(), post.version(), form.build());
    if (result instanceof Saved saved) {
      return saved.post();
    }
    throw new AssertionError("not saved: " + result);
  }

  /** The form showing the stored post, as the editor would load it. */
  Form formOf(Post post) {
    return Form.of(editor.open(new Actor(post.authorId(), Role.AUTHOR), post.id()).form());
  }
}
