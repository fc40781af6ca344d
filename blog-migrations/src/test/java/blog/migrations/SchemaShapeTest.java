package blog.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database built by the migrations up to {@link #BUILT_TO} has, on H2 and on PostgreSQL, the
 * shape kept in {@code schema-h2.txt} and {@code schema-postgresql.txt} beside this class: the same
 * tables, columns, indexes, constraints, triggers, functions, sequences and first rows (see {@link
 * SchemaShape}). Those files were written from the 24 migrations V1 to V25 as they stood before
 * they were folded into one baseline, so this test is the proof that the baseline builds the same
 * database they did.
 *
 * <p>A deliberate change to the baseline's shape is written into the files with {@code
 * -Dblog.schema.write=true} (then read the diff), each in a commit of its own that says why. Those
 * made since the files were written:
 *
 * <ul>
 *   <li>On H2, {@code content_version} row 65 starts at 0, as every row but the first does: V24's
 *       UPDATE of {@code post_terms}, which changed no row, had raised it through H2's
 *       statement-level trigger.
 *   <li>On H2, the content-version triggers of posts, terms, post_terms, users,
 *       commenter_identities, slug_redirects and media fire per row, as PostgreSQL's do (and as
 *       those of comments and settings did already): H2 runs a row trigger's statements in the
 *       changing transaction, outside auto-commit, so the trigger classes need none of H2's
 *       internal classes to keep auto-commit from committing mid-statement.
 * </ul>
 *
 * Later migrations do not concern this test: it builds the baseline only.
 */
class SchemaShapeTest {
  /** The newest migration that the kept shape covers. */
  static final String BUILT_TO = Migrations.BASELINE;

  @ParameterizedTest
  @EnumSource(EmptyDatabase.Kind.class)
  void theSchemaHasTheKeptShape(EmptyDatabase.Kind kind) throws Exception {
    try (EmptyDatabase db = EmptyDatabase.create(kind)) {
      Migrations.migrateTo(db.dataSource(), BUILT_TO);
      String shape = SchemaShape.of(db.dataSource(), kind);
      String file = "schema-" + kind.folder + ".txt";
      if (Boolean.getBoolean("blog.schema.write")) {
        Path kept = Path.of("src/test/resources/blog/migrations", file);
        Files.writeString(kept, shape, StandardCharsets.UTF_8);
      }
      assertEquals(kept(file), shape, "the shape of the schema on " + kind);
    }
  }

  private static String kept(String file) throws IOException {
    try (InputStream in = SchemaShapeTest.class.getResourceAsStream(file)) {
      if (in == null) {
        return "(no " + file + " yet: run with -Dblog.schema.write=true)";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
