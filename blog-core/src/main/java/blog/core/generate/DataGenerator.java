package blog.core.generate;

import blog.core.comment.CommentRenderer;
import blog.core.generate.BulkRepository.CommentRow;
import blog.core.generate.BulkRepository.PostRow;
import blog.core.generate.BulkRepository.PostTermRow;
import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.text.MarkdownRenderer;
import blog.core.text.Slugs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds benchmark data: published posts by a handful of authors with categories and tags, and
 * comment threads of realistic shape (a few posts draw most of the conversation, a third of the
 * comments are replies, a few are held or spam). Deterministic for a given seed. Rows are written
 * in batches, each batch in its own transaction, so a million comments take seconds, not hours.
 */
public final class DataGenerator {
  /** Called after each batch: what is being written, how many so far, how many in all. */
  public interface Progress {
    void update(String what, long done, long total);
  }

  /** What was added. */
  public record Generated(int posts, long comments, int replies) {}

  static final int POST_BATCH = 1_000;
  static final int COMMENT_BATCH = 10_000;

  /** From this many comments on, the comment indexes are dropped and built again after. */
  public static final long BULK_THRESHOLD = 50_000;

  /**
   * Comments arrive in the order a blog grows: post by post, in time order, none by a signed-in
   * commenter. A comment index ordered that way (by post, time, parent, address, identity, or first
   * by a column of few values such as the status) gains its entries at a few places and is cheap to
   * keep up; one ordered by a value that arrives at random (the email address) costs a page write
   * per row and is built once after the rows instead (1M comments: ~42 s this way, ~50 s rebuilding
   * every index not led by the post or identity, ~68 s keeping every one up). The posts' slug index
   * is kept up too: building it again means reading every post body, which costs more.
   */
  private static final Set<String> ARRIVE_AT_RANDOM = Set.of("author_email");

  private static final Set<String> FEW_VALUES = Set.of("status", "post_type");

  static final int AUTHORS = 6;
  static final int MAX_DEPTH = 4;
  static final Duration SPAN = Duration.ofDays(365L * 8);

  private static final String[] WORDS = {
    "social",
    "network",
    "quality",
    "quantity",
    "friends",
    "followers",
    "conversation",
    "community",
    "trust",
    "signal",
    "noise",
    "reader",
    "writer",
    "blog",
    "comment",
    "reply",
    "audience",
    "story",
    "idea",
    "practice",
    "habit",
    "attention",
    "value",
    "connection",
    "question",
    "answer",
    "morning",
    "weekend",
    "project",
    "lesson",
    "mistake",
    "experiment"
  };
  private static final String[] FIRST = {
    "Ada", "Ben", "Chloe", "Dev", "Elif", "Femi", "Grace", "Hiro", "Ines", "Jon", "Kemal", "Lena",
    "Maya", "Nico", "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tess", "Uma", "Vik", "Wen", "Yara"
  };
  private static final String[] LAST = {
    "Adams", "Brown", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova",
    "Jensen", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor", "Patel", "Rossi", "Schmidt"
  };
  private static final String[] CATEGORIES = {
    "Social Media",
    "Networking",
    "Marketing",
    "Writing",
    "Community",
    "Tools",
    "Opinion",
    "Business",
    "Travel",
    "Notes",
    "Events",
    "Interviews"
  };

  private final BulkRepository bulk;
  private final UserRepository users;
  private final MarkdownRenderer markdown;
  private final CommentRenderer commentRenderer;
  private final long bulkThreshold;

  public DataGenerator(
      BulkRepository bulk,
      UserRepository users,
      MarkdownRenderer markdown,
      CommentRenderer commentRenderer) {
    this(bulk, users, markdown, commentRenderer, BULK_THRESHOLD);
  }

  /**
   * A generator that drops the comment indexes built in random order and builds them again after
   * the rows when it adds at least {@code bulkThreshold} comments ({@link #BULK_THRESHOLD} by
   * default: below it, keeping them up costs less than building them).
   */
  public DataGenerator(
      BulkRepository bulk,
      UserRepository users,
      MarkdownRenderer markdown,
      CommentRenderer commentRenderer,
      long bulkThreshold) {
    this.bulk = bulk;
    this.users = users;
    this.markdown = markdown;
    this.commentRenderer = commentRenderer;
    this.bulkThreshold = bulkThreshold;
  }

  /** Adds {@code posts} published posts and {@code comments} comments spread over them. */
  public Generated generate(int posts, long comments, long seed, Instant now, Progress progress) {
    if (posts < 1 && comments > 0) {
      throw new IllegalArgumentException("comments need at least one post");
    }
    if (bulk.undoUnfinished()) {
      progress.update("undid an earlier generation that did not finish", 0, 0);
    }
    // An index in random order is built faster once over all the rows than kept up row by row.
    List<BulkRepository.Index> toDrop = new ArrayList<>();
    if (comments >= bulkThreshold) {
      for (BulkRepository.Index index : bulk.plainIndexes("comments")) {
        if (builtAfterTheRows(index)) {
          toDrop.add(index);
        }
      }
    }
    // Stored before the first row: a generation cut off anywhere after is undone as a whole.
    bulk.mark(
        new GenerationMark(
            bulk.maxId("users"),
            bulk.maxId("terms"),
            bulk.maxId("posts"),
            bulk.maxId("comments"),
            toDrop));
    try {
      Generated generated = write(posts, comments, seed, now, progress, toDrop);
      bulk.clearMark();
      return generated;
    } catch (RuntimeException e) {
      try {
        bulk.undoUnfinished();
      } catch (RuntimeException undo) {
        e.addSuppressed(undo);
      }
      throw e;
    }
  }

  private Generated write(
      int posts,
      long comments,
      long seed,
      Instant now,
      Progress progress,
      List<BulkRepository.Index> toDrop) {
    Random random = new Random(seed);
    List<Long> authors = authors(now);
    long[] categories = terms("category", List.of(CATEGORIES));
    List<String> tagNames = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      tagNames.add(word(random) + " " + word(random) + " " + (i + 1));
    }
    long[] tags = terms("tag", tagNames);
    List<String[]> postBodies = postBodies(random);
    List<String[]> commentBodies = commentBodies(random);

    long firstPost = bulk.nextId("posts");
    long[] commentCounts = commentCounts(posts, comments, random);
    List<BulkRepository.Index> dropped = new ArrayList<>();
    for (BulkRepository.Index index : toDrop) {
      if (bulk.dropIndex(index)) {
        dropped.add(index);
      }
    }
    try {
      Instant[] published =
          writePosts(
              posts, random, authors, categories, tags, postBodies, firstPost, now, progress);
      return writeComments(
          posts,
          comments,
          random,
          firstPost,
          commentCounts,
          published,
          now,
          commentBodies,
          progress);
    } finally {
      for (BulkRepository.Index index : dropped) {
        progress.update("building index " + index.name().toLowerCase(Locale.ROOT), 0, 0);
        bulk.createIndex("comments", index);
      }
      bulk.finishBulkLoad();
      bulk.restartIdentity("posts");
      bulk.restartIdentity("comments");
      bulk.restartIdentity("terms");
    }
  }

  /** Writes the posts, each with a category and a few tags; answers when each was published. */
  private Instant[] writePosts(
      int posts,
      Random random,
      List<Long> authors,
      long[] categories,
      long[] tags,
      List<String[]> postBodies,
      long firstPost,
      Instant now,
      Progress progress) {
    Instant oldest = now.minus(SPAN);
    long step = posts == 0 ? 0 : SPAN.toSeconds() / posts;
    Instant[] published = new Instant[posts];
    List<PostRow> postRows = new ArrayList<>();
    List<PostTermRow> termRows = new ArrayList<>();
    for (int i = 0; i < posts; i++) {
      long id = firstPost + i;
      String title = title(random);
      String[] body = postBodies.get(random.nextInt(postBodies.size()));
      Instant at = oldest.plusSeconds(step * i + random.nextInt((int) Math.max(1, step)));
      published[i] = at.isAfter(now) ? now : at;
      postRows.add(
          new PostRow(
              id,
              Slugs.slugify(title) + "-" + id,
              title,
              body[0],
              body[1],
              authors.get(random.nextInt(authors.size())),
              published[i]));
      termRows.add(
          new PostTermRow(id, categories[random.nextInt(categories.length)], published[i]));
      int tagCount = random.nextInt(4);
      for (int t = 0; t < tagCount; t++) {
        long tag = tags[(i * 7 + t * 31) % tags.length];
        termRows.add(new PostTermRow(id, tag, published[i]));
      }
      if (postRows.size() == POST_BATCH || i == posts - 1) {
        bulk.insertPosts(postRows, termRows);
        progress.update("posts", i + 1L, posts);
        postRows.clear();
        termRows.clear();
      }
    }
    return published;
  }

  /** Whether {@code index} is in random order as rows arrive (see {@link #ARRIVE_AT_RANDOM}). */
  private static boolean builtAfterTheRows(BulkRepository.Index index) {
    for (String column : index.columns()) {
      String name = column.replace(" DESC", "").toLowerCase(Locale.ROOT);
      if (!FEW_VALUES.contains(name)) {
        return ARRIVE_AT_RANDOM.contains(name);
      }
    }
    return false;
  }

  private Generated writeComments(
      int posts,
      long comments,
      Random random,
      long firstPost,
      long[] commentCounts,
      Instant[] published,
      Instant now,
      List<String[]> commentBodies,
      Progress progress) {
    long nextComment = bulk.nextId("comments");
    long written = 0;
    int replies = 0;
    List<CommentRow> batch = new ArrayList<>();
    for (int i = 0; i < posts; i++) {
      int count = (int) commentCounts[i];
      if (count == 0) {
        continue;
      }
      long postId = firstPost + i;
      long window = Math.max(60, Duration.between(published[i], now).toSeconds());
      long[] ids = new long[count];
      int[] depth = new int[count];
      long[] offsets = new long[count];
      for (int c = 0; c < count; c++) {
        offsets[c] = 60 + (long) (Math.pow(random.nextDouble(), 3) * Math.min(window, 2_592_000L));
      }
      Arrays.sort(offsets);
      for (int c = 0; c < count; c++) {
        ids[c] = nextComment++;
        Long parent = null;
        if (c > 0 && random.nextDouble() < 0.35) {
          int p = c - 1 - random.nextInt(Math.min(c, 8));
          if (depth[p] < MAX_DEPTH) {
            parent = ids[p];
            depth[c] = depth[p] + 1;
            replies++;
          }
        }
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        int n = random.nextInt(500);
        double kind = random.nextDouble();
        String status = kind < 0.96 ? "approved" : kind < 0.99 ? "pending" : "spam";
        String[] text = commentBodies.get(random.nextInt(commentBodies.size()));
        Instant created = published[i].plusSeconds(offsets[c]);
        // As a running blog keeps them: IP address and user agent only for the last 90 days (the
        // default discussion.ip-retention-days), so the blog's retention job finds nothing to do.
        boolean recent = created.isAfter(now.minus(Duration.ofDays(90)));
        batch.add(
            new CommentRow(
                ids[c],
                postId,
                parent,
                first + " " + last,
                (first + "." + last + n + "@example.com").toLowerCase(Locale.ROOT),
                random.nextDouble() < 0.3
                    ? "https://example.com/~" + first.toLowerCase(Locale.ROOT) + n
                    : null,
                text[0],
                text[1],
                status,
                "pending".equals(status) ? "Comment must be manually approved." : null,
                created.isAfter(now) ? now : created,
                recent ? "192.0.2." + (1 + random.nextInt(254)) : null,
                recent ? "Mozilla/5.0 (X11; Linux x86_64) benchmark" : null));
        if (batch.size() == COMMENT_BATCH) {
          bulk.insertComments(batch);
          written += batch.size();
          batch.clear();
          progress.update("comments", written, comments);
        }
      }
    }
    if (!batch.isEmpty()) {
      bulk.insertComments(batch);
      written += batch.size();
      progress.update("comments", written, comments);
    }
    return new Generated(posts, written, replies);
  }

  /**
   * How many comments each post gets: a long tail, where the few most discussed posts take a large
   * share, in random order over the posts; the counts add up to exactly {@code total}.
   */
  static long[] commentCounts(int posts, long total, Random random) {
    long[] counts = new long[posts];
    if (posts == 0 || total == 0) {
      return counts;
    }
    double[] weights = new double[posts];
    double sum = 0;
    for (int i = 0; i < posts; i++) {
      weights[i] = 1.0 / Math.pow(i + 10, 0.9);
      sum += weights[i];
    }
    long given = 0;
    for (int i = 0; i < posts; i++) {
      counts[i] = (long) Math.floor(total * weights[i] / sum);
      given += counts[i];
    }
    for (long left = total - given; left > 0; left--) {
      counts[random.nextInt(posts)]++;
    }
    for (int i = posts - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long swap = counts[i];
      counts[i] = counts[j];
      counts[j] = swap;
    }
    return counts;
  }

  private List<Long> authors(Instant now) {
    List<Long> ids = new ArrayList<>();
    for (int i = 1; i <= AUTHORS; i++) {
      String username = "bench-author-" + i;
      String name = FIRST[i % FIRST.length] + " " + LAST[i % LAST.length];
      ids.add(
          users
              .findByUsername(username)
              .map(u -> u.id())
              .orElseGet(() -> users.insert(username, name, null, Role.AUTHOR, now)));
    }
    return ids;
  }

  private long[] terms(String taxonomy, List<String> names) {
    Map<String, Long> existing = bulk.termIds(taxonomy);
    long[] ids = new long[names.size()];
    for (int i = 0; i < names.size(); i++) {
      String slug = Slugs.slugify(names.get(i));
      Long id = existing.get(slug);
      ids[i] = id != null ? id : bulk.insertTerm(taxonomy, slug, names.get(i));
    }
    return ids;
  }

  private static String word(Random random) {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private static String title(Random random) {
    String first = word(random);
    return first.substring(0, 1).toUpperCase(Locale.ROOT)
        + first.substring(1)
        + " "
        + word(random)
        + " and the "
        + word(random)
        + " of "
        + word(random);
  }

  private static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = word(random);
      s.append(i == 0 ? w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1) : w);
      s.append(i == words - 1 ? ". " : " ");
    }
    return s.toString();
  }

  private static String paragraph(Random random) {
    StringBuilder p = new StringBuilder();
    int sentences = 3 + random.nextInt(5);
    for (int i = 0; i < sentences; i++) {
      p.append(sentence(random, 6 + random.nextInt(14)));
    }
    return p.toString().strip();
  }

  /**
   * Post bodies about the size of the seed article (about 2 KB of Markdown), rendered once each.
   */
  private List<String[]> postBodies(Random random) {
    List<String[]> bodies = new ArrayList<>();
    for (int b = 0; b < 40; b++) {
      StringBuilder md = new StringBuilder();
      int paragraphs = 3 + random.nextInt(3);
      for (int i = 0; i < paragraphs; i++) {
        if (i == 2) {
          md.append("## ").append(title(random)).append("\n\n");
        }
        if (i == 3) {
          md.append("- ").append(sentence(random, 6)).append('\n');
          md.append("- ").append(sentence(random, 8)).append('\n');
          md.append("- [").append(word(random)).append("](https://example.com/)\n\n");
        }
        md.append(paragraph(random)).append("\n\n");
      }
      String source = md.toString().strip();
      bodies.add(new String[] {source, markdown.render(source)});
    }
    return bodies;
  }

  /** Comment texts from one line to a few paragraphs, rendered once each. */
  private List<String[]> commentBodies(Random random) {
    List<String[]> bodies = new ArrayList<>();
    for (int b = 0; b < 300; b++) {
      // Mostly a few sentences; now and then a longer reply in two paragraphs.
      int paragraphs = random.nextInt(8) == 0 ? 2 : 1;
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < paragraphs; i++) {
        int sentences = 1 + random.nextInt(4);
        for (int k = 0; k < sentences; k++) {
          text.append(sentence(random, 5 + random.nextInt(12)));
        }
        text.append("\n\n");
      }
      String source = text.toString().strip();
      bodies.add(new String[] {source, commentRenderer.render(source)});
    }
    return bodies;
  }
}
