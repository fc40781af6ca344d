package blog.core.generate;

import blog.core.change.ContentVersions;
import blog.core.comment.CommentCountsRepository;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Batched inserts for benchmark data: rows carry ids chosen by the generator (so threads can point
 * at parents without a round trip per row), and the identity columns are moved past them after.
 */
public final class BulkRepository {
  /**
   * On H2, the session flag under which the bookkeeping triggers stand aside while a batch is
   * written (blog.migrations.BulkLoad names the same); {@link #finishBulkLoad} then does their work
   * once. PostgreSQL's triggers run as always.
   */
  private static final String BULK_LOAD = "@BLOG_BULK_LOAD";

  /** How many comment ids one transaction of {@link #deleteAfter} covers. */
  private static final long UNDO_SLICE = 20_000;

  private final Jdbi jdbi;

  public BulkRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The next free id of {@code table} (one of the generator's own tables). */
  long nextId(String table) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + checked(table))
                .mapTo(Long.class)
                .one());
  }

  /** The highest id of {@code table} (one of the generator's own tables), 0 when empty. */
  long maxId(String table) {
    return nextId(table) - 1;
  }

  /** Moves the identity of {@code table} past the ids the generator inserted. */
  void restartIdentity(String table) {
    long next = nextId(table);
    jdbi.useHandle(
        h -> h.execute("ALTER TABLE " + checked(table) + " ALTER COLUMN id RESTART WITH " + next));
  }

  /** A plain secondary index: its name and its columns in order, each maybe with DESC. */
  record Index(String name, List<String> columns) {}

  /**
   * The plain secondary indexes of {@code table} that may be dropped for a bulk load (not unique,
   * no predicate, no expression), read from the JDBC metadata so the list follows the migrations.
   */
  List<Index> plainIndexes(String table) {
    try {
      return jdbi.withHandle(h -> readIndexes(h.getConnection(), table));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the indexes of " + table, e);
    }
  }

  private static List<Index> readIndexes(Connection c, String table) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    // index name -> column (with DESC) by position; indexes not plain enough are left alone
    Map<String, Map<Integer, String>> columns = new LinkedHashMap<>();
    Set<String> skipped = new HashSet<>();
    try (ResultSet rs = meta.getIndexInfo(c.getCatalog(), c.getSchema(), name, false, false)) {
      while (rs.next()) {
        String index = rs.getString("INDEX_NAME");
        String column = rs.getString("COLUMN_NAME");
        if (index == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
          continue;
        }
        if (!rs.getBoolean("NON_UNIQUE")
            || rs.getString("FILTER_CONDITION") != null
            || column == null
            || !column.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          skipped.add(index);
          continue;
        }
        String order = "D".equals(rs.getString("ASC_OR_DESC")) ? " DESC" : "";
        columns
            .computeIfAbsent(index, k -> new TreeMap<>())
            .put(rs.getInt("ORDINAL_POSITION"), column + order);
      }
    }
    List<Index> result = new ArrayList<>();
    columns.forEach(
        (index, byPosition) -> {
          if (!skipped.contains(index)) {
            result.add(new Index(index, List.copyOf(byPosition.values())));
          }
        });
    return result;
  }

  /**
   * Drops an index if it may be dropped; false when the database keeps it (H2 lends a plain index
   * to a foreign key, and then refuses to drop it).
   */
  boolean dropIndex(Index index) {
    try {
      jdbi.useHandle(h -> h.execute("DROP INDEX " + identifier(index.name())));
      return true;
    } catch (StatementException e) {
      return false;
    }
  }

  void createIndex(String table, Index index) {
    String columns =
        index.columns().stream()
            .map(c -> identifier(c.replace(" DESC", "")) + (c.endsWith(" DESC") ? " DESC" : ""))
            .collect(Collectors.joining(", "));
    jdbi.useHandle(
        h ->
            h.execute(
                "CREATE INDEX IF NOT EXISTS "
                    + identifier(index.name())
                    + " ON "
                    + checked(table)
                    + " ("
                    + columns
                    + ")"));
  }

  private static String identifier(String name) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain identifier: " + name);
    }
    return name;
  }

  /** The mark of a generation that began and has not finished, if there is one. */
  Optional<GenerationMark> unfinished() {
    return jdbi.withHandle(
            h ->
                h.createQuery("SELECT setting_value FROM settings WHERE name = :name")
                    .bind("name", GenerationMark.SETTING)
                    .mapTo(String.class)
                    .findOne())
        .map(GenerationMark::parse);
  }

  /** Stores (or replaces) the mark of the generation under way. */
  void mark(GenerationMark mark) {
    jdbi.useTransaction(
        h -> {
          int updated =
              h.createUpdate("UPDATE settings SET setting_value = :value WHERE name = :name")
                  .bind("name", GenerationMark.SETTING)
                  .bind("value", mark.encode())
                  .execute();
          if (updated == 0) {
            h.createUpdate("INSERT INTO settings (name, setting_value) VALUES (:name, :value)")
                .bind("name", GenerationMark.SETTING)
                .bind("value", mark.encode())
                .execute();
          }
        });
  }

  /** Removes the mark: the generation is complete (or undone). */
  void clearMark() {
    jdbi.useHandle(
        h ->
            h.createUpdate("DELETE FROM settings WHERE name = :name")
                .bind("name", GenerationMark.SETTING)
                .execute());
  }

  /**
   * Removes every row a generation added after {@code mark} was taken: comments from the newest
   * down, a slice per transaction (a reply always has a higher id than the comment it answers, so
   * none is left pointing at a removed one), then the posts' terms, the posts, the terms and the
   * generator's own authors. Safe to run again if it is itself cut off.
   */
  void deleteAfter(GenerationMark mark) {
    long top = maxId("comments");
    for (long high = top; high > mark.comments(); high -= UNDO_SLICE) {
      long low = Math.max(mark.comments(), high - UNDO_SLICE);
      long upTo = high;
      inBulkTransaction(
          (h, h2) ->
              h.createUpdate("DELETE FROM comments WHERE id > :low AND id <= :high")
                  .bind("low", low)
                  .bind("high", upTo)
                  .execute());
    }
    inBulkTransaction(
        (h, h2) -> {
          h.createUpdate("DELETE FROM post_terms WHERE post_id > :posts")
              .bind("posts", mark.posts())
              .execute();
          h.createUpdate("DELETE FROM posts WHERE id > :posts")
              .bind("posts", mark.posts())
              .execute();
          h.createUpdate(
                  "DELETE FROM terms WHERE id > :terms"
                      + " AND NOT EXISTS (SELECT 1 FROM post_terms t WHERE t.term_id = terms.id)")
              .bind("terms", mark.terms())
              .execute();
          h.createUpdate(
                  "DELETE FROM users WHERE id > :users AND username LIKE 'bench-author-%'"
                      + " AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.author_id = users.id)")
              .bind("users", mark.users())
              .execute();
        });
  }

  /**
   * Undoes a generation that began and never finished (the process was killed, the machine lost
   * power, a batch failed): its rows are removed, the comment indexes it dropped are built again,
   * the comment counts are counted again from the rows and every content version moves on. Answers
   * whether there was one. Run by {@code generate} before it begins and by the blog as it starts.
   */
  public boolean undoUnfinished() {
    Optional<GenerationMark> unfinished = unfinished();
    if (unfinished.isEmpty()) {
      return false;
    }
    GenerationMark mark = unfinished.get();
    deleteAfter(mark);
    for (Index index : mark.dropped()) {
      createIndex("comments", index);
    }
    new CommentCountsRepository(jdbi).recount();
    restartIdentity("posts");
    restartIdentity("comments");
    restartIdentity("terms");
    clearMark();
    return true;
  }

  /** The ids of existing terms of a taxonomy by slug. */
  Map<String, Long> termIds(String taxonomy) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery("SELECT slug, id FROM terms WHERE taxonomy = :taxonomy")
                .bind("taxonomy", taxonomy)
                .map((rs, ctx) -> Map.entry(rs.getString("slug"), rs.getLong("id")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  long insertTerm(String taxonomy, String slug, String name) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO terms (taxonomy, slug, name) VALUES (:taxonomy, :slug, :name)")
                .bind("taxonomy", taxonomy)
                .bind("slug", slug)
                .bind("name", name)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public record PostRow(
      long id,
      String slug,
      String title,
      String bodyMarkdown,
      String bodyHtml,
      long authorId,
      Instant publishedAt) {}

  public record PostTermRow(long postId, long termId, Instant publishedAt) {}

  public record CommentRow(
      long id,
      long postId,
      Long parentId,
      String authorName,
      String authorEmail,
      String authorUrl,
      String bodySource,
      String bodyHtml,
      String status,
      String heldReason,
      Instant createdAt,
      String clientIp,
      String userAgent) {}

  /** Inserts posts and their terms in one transaction. */
  void insertPosts(List<PostRow> posts, List<PostTermRow> postTerms) {
    inBulkTransaction(
        (h, h2) -> {
          PreparedBatch batch =
              h.prepareBatch(
                  """
                  INSERT INTO posts (id, slug, title, body_markdown, body_html, excerpt, status,
                                     author_id, comment_status, published_at, created_at,
                                     updated_at)
                  VALUES (:id, :slug, :title, :bodyMarkdown, :bodyHtml, '', 'published',
                          :authorId, 'open', :publishedAt, :publishedAt, :publishedAt)
                  """);
          for (PostRow p : posts) {
            batch.bindMethods(p).add();
          }
          batch.execute();
          insertPostTerms(h, postTerms);
        });
  }

  private static void insertPostTerms(Handle h, List<PostTermRow> rows) {
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO post_terms (post_id, term_id, published_at)"
                + " VALUES (:postId, :termId, :publishedAt)");
    for (PostTermRow r : rows) {
      batch.bindMethods(r).add();
    }
    batch.execute();
  }

  /** Inserts comments (parents before their replies) in one transaction. */
  void insertComments(List<CommentRow> comments) {
    inBulkTransaction(
        (h, h2) -> {
          PreparedBatch batch =
              h.prepareBatch(
                  """
                  INSERT INTO comments (id, post_id, parent_id, author_name, author_email,
                                        author_url, body_source, body_html, status, held_reason,
                                        created_at, client_ip, user_agent, approved_at)
                  VALUES (:id, :postId, :parentId, :authorName, :authorEmail, :authorUrl,
                          :bodySource, :bodyHtml, :status, :heldReason, :createdAt, :clientIp,
                          :userAgent, :approvedAt)
                  """);
          Map<Long, Integer> approvedPerPost = new TreeMap<>();
          for (CommentRow c : comments) {
            boolean approved = "approved".equals(c.status());
            batch.bindMethods(c).bind("approvedAt", approved ? c.createdAt() : null).add();
            if (approved) {
              approvedPerPost.merge(c.postId(), 1, Integer::sum);
            }
          }
          batch.execute();
          if (h2) {
            countApproved(h, approvedPerPost);
          }
        });
  }

  /**
   * What H2's comment-count trigger, standing aside, would have added for a batch: its approved
   * comments per post, on each post's first row (PostgreSQL's triggers count as the rows arrive).
   */
  private static void countApproved(Handle h, Map<Long, Integer> approvedPerPost) {
    if (approvedPerPost.isEmpty()) {
      return;
    }
    PreparedBatch counts =
        h.prepareBatch(
            """
            MERGE INTO post_comment_counts c
            USING (SELECT CAST(:postId AS BIGINT) AS post_id, CAST(:n AS BIGINT) AS n) v
            ON c.post_id = v.post_id AND c.slot = -1
            WHEN MATCHED THEN UPDATE SET approved = c.approved + v.n
            WHEN NOT MATCHED THEN INSERT (post_id, slot, approved) VALUES (v.post_id, -1, v.n)
            """);
    approvedPerPost.forEach((post, n) -> counts.bind("postId", post).bind("n", n).add());
    counts.execute();
  }

  /**
   * One batch's transaction, on H2 with the bookkeeping triggers standing aside; {@code work} is
   * told whether they do.
   */
  private void inBulkTransaction(BiConsumer<Handle, Boolean> work) {
    jdbi.useTransaction(
        h -> {
          boolean h2 = isH2(h);
          if (h2) {
            h.execute("SET " + BULK_LOAD + " = TRUE");
          }
          try {
            work.accept(h, h2);
          } finally {
            if (h2) {
              h.execute("SET " + BULK_LOAD + " = NULL");
            }
          }
        });
  }

  /**
   * After a bulk load on H2: what the triggers it stood aside would have done, once. The comments
   * per status are counted afresh (in each status's first slot), and the listing version is raised,
   * which every page depends on (see ContentVersions), so a running cache of the data starts over.
   * The approved comments per post were added batch by batch ({@link #insertComments}): counting
   * them afresh took 6 s at a million.
   */
  void finishBulkLoad() {
    jdbi.useTransaction(
        h -> {
          if (!isH2(h)) {
            return;
          }
          h.execute(
              """
              UPDATE comment_status_counts SET n = CASE WHEN slot = 0
                THEN (SELECT COUNT(*) FROM comments c WHERE c.status = comment_status_counts.status)
                ELSE 0 END
              """);
          h.execute(
              "UPDATE content_version SET version = version + 1, changed_at = CURRENT_TIMESTAMP"
                  + " WHERE id = "
                  + ContentVersions.LISTING_ROW);
        });
  }

  private static boolean isH2(Handle h) {
    try {
      return h.getConnection()
          .getMetaData()
          .getDatabaseProductName()
          .toLowerCase(Locale.ROOT)
          .contains("h2");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell the database", e);
    }
  }

  private static String checked(String table) {
    if (!List.of("posts", "comments", "terms", "users").contains(table)) {
      throw new IllegalArgumentException("not a generated table: " + table);
    }
    return table;
  }
}
