package blog.web;

import blog.core.comment.CommentRenderer;
import blog.core.comment.CommentRepository;
import blog.core.config.Config;
import blog.core.db.Database;
import blog.core.db.DatabaseSettings;
import blog.core.db.Transactions;
import blog.core.generate.BulkRepository;
import blog.core.generate.DataGenerator;
import blog.core.post.PostRepository;
import blog.core.seed.SeedContent;
import blog.core.site.SettingsRepository;
import blog.core.text.MarkdownRenderer;
import blog.core.user.UserRepository;
import blog.migrations.Migrations;
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
    try (Database database = Database.open(DatabaseSettings.from(config.get()))) {
      Migrations.migrate(database.dataSource());
      var jdbi = database.jdbi();
      var markdown = new MarkdownRenderer();
      var commentRenderer = new CommentRenderer();
      var users = new UserRepository(jdbi);
      new SeedContent(
              new Transactions(jdbi),
              users,
              new PostRepository(jdbi),
              new CommentRepository(jdbi),
              new SettingsRepository(jdbi),
              markdown,
              commentRenderer)
          .seedIfEmpty(clock.instant());
      long started = System.nanoTime();
      long[] lastPrinted = {0};
      DataGenerator.Generated generated =
          new DataGenerator(new BulkRepository(jdbi), users, markdown, commentRenderer)
              .generate(
                  posts,
                  comments,
                  seed,
                  clock.instant(),
                  (what, done, total) -> {
                    long now = System.nanoTime();
                    if (total == 0) {
                      out.println(what);
                    } else if (done == total || now - lastPrinted[0] > 1_000_000_000L) {
                      lastPrinted[0] = now;
                      out.printf("%s: %d of %d%n", what, done, total);
                      out.flush();
                    }
                  });
      out.printf(
          "Added %d posts and %d comments (%d replies) in %.1f s.%n",
          generated.posts(),
          generated.comments(),
          generated.replies(),
          (System.nanoTime() - started) / 1e9);
      return 0;
    }
  }
}
