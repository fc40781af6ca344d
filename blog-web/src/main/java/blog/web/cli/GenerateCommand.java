package blog.web.cli;

import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.db.Transactions;
import blog.core.generate.BulkRepository;
import blog.core.generate.DataGenerator;
import blog.core.identity.UserRepository;
import blog.core.post.PostRepository;
import blog.core.seed.SeedContent;
import blog.core.site.SettingsRepository;
import blog.core.text.MarkdownRenderer;
import blog.migrations.Migrations;
import blog.web.CleanStop;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar blog.jar generate --posts N --comments M}: fills the configured database with
 * benchmark data (after the seed article, which it adds first on an empty blog).
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Add generated posts and comments to the database (for benchmarks).")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--posts", required = true, description = "how many published posts to add")
  int posts;

  @Option(names = "--comments", defaultValue = "0", description = "how many comments to add")
  long comments;

  @Option(names = "--seed", defaultValue = "1", description = "random seed (same seed, same data)")
  long seed;

  @Option(
      names = "--rebuild-indexes-from",
      defaultValue = "" + DataGenerator.BULK_THRESHOLD,
      description =
          "from this many comments on, drop the comment indexes kept in random order and build"
              + " them again after the rows (default: ${DEFAULT-VALUE})")
  long rebuildIndexesFrom;

  @Spec CommandSpec spec;

  private final Supplier<Config> config;
  private final Clock clock;

  GenerateCommand() {
    this(Config::fromEnvironment, Clock.systemUTC());
  }

  /** For tests: a given configuration and clock. */
  GenerateCommand(Supplier<Config> config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (posts < 0 || comments < 0) {
      spec.commandLine().getErr().println("blog: --posts and --comments must not be negative");
      return 2;
    }
    DatabaseSettings settings = DatabaseSettings.from(config.get());
    long started = System.nanoTime();
    DataGenerator.Generated generated;
    try {
      generated =
          settings.isEmbeddedH2File() ? generateInACopy(settings, out) : generateIn(settings, out);
    } catch (IOException e) {
      spec.commandLine().getErr().println("blog: " + e.getMessage());
      return 1;
    }
    out.printf(
        "Added %d posts and %d comments (%d replies) in %.1f s.%n",
        generated.posts(),
        generated.comments(),
        generated.replies(),
        (System.nanoTime() - started) / 1e9);
    return 0;
  }

  /**
   * On a database an H2 server or PostgreSQL keeps: the generator's mark makes it all or nothing (a
   * generation cut off is undone at the next start, see BulkRepository#undoUnfinished).
   */
  private DataGenerator.Generated generateIn(DatabaseSettings settings, PrintWriter out) {
    try (Database database = Database.open(settings)) {
      prepare(database);
      DataGenerator.Generated generated = generate(database, out);
      // Said only once it is stored: a kill a moment later must not undo what was reported.
      database.stored().await();
      return generated;
    }
  }

  /**
   * On the embedded file database: the rows go into a copy of the file, which takes the file's
   * place (one rename) only once it is complete and closed. A generation cut off leaves the blog's
   * file as it was, whatever H2 would make of a crash in the middle of a large write.
   */
  private DataGenerator.Generated generateInACopy(DatabaseSettings settings, PrintWriter out)
      throws IOException {
    try (Database database = Database.open(settings)) {
      prepare(database);
    }
    return FileCopyWrite.run(
        settings,
        "generating",
        copy -> {
          try (Database database = Database.open(copy)) {
            DataGenerator.Generated generated = generate(database, out);
            CleanStop.countsExactIfNeverServed(database);
            return generated;
          }
        });
  }

  /** Brings the schema up to date and seeds an empty blog, as a first start would. */
  private void prepare(Database database) {
    Migrations.migrate(database.dataSource());
    var jdbi = database.jdbi();
    new SeedContent(
            new Transactions(jdbi),
            new UserRepository(jdbi),
            new PostRepository(jdbi),
            new CommentRepository(jdbi),
            new SettingsRepository(jdbi),
            new MarkdownRenderer(),
            new CommentRenderer())
        .seedIfEmpty(clock.instant());
  }

  private DataGenerator.Generated generate(Database database, PrintWriter out) {
    var jdbi = database.jdbi();
    long[] lastPrinted = {0};
    return new DataGenerator(
            new BulkRepository(jdbi),
            new UserRepository(jdbi),
            new MarkdownRenderer(),
            new CommentRenderer(),
            rebuildIndexesFrom)
        .generate(
            posts,
            comments,
            seed,
            clock.instant(),
            (what, done, total) -> {
              long now = System.nanoTime();
              if (total == 0) {
                out.println(what);
                out.flush();
              } else if (done == total || now - lastPrinted[0] > 1_000_000_000L) {
                lastPrinted[0] = now;
                out.printf("%s: %d of %d%n", what, done, total);
                out.flush();
              }
            });
  }
}
