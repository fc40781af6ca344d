package blog.web.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The blog's metrics, kept by Micrometer and read in Prometheus's text format: requests per route
 * (the route's pattern, never the raw path, so the number of series stays bounded), comment
 * submissions by outcome, the database pool (HikariCP publishes its own), the content version and
 * the JVM. One per app; every instance has its own, and Prometheus adds them up.
 */
public final class Metrics implements AutoCloseable {
  /** What became of a comment submission. */
  public enum CommentOutcome {
    /** Stored and shown at once. */
    ACCEPTED,
    /** Stored, waiting for moderation. */
    HELD,
    /** Stored as spam. */
    SPAM,
    /** Not stored: a field, a rule or an expired form refused it. */
    REJECTED;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Latency buckets: few enough to keep series cheap, wide enough to see a slow database. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final PrometheusMeterRegistry registry;
  private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
  private final JvmGcMetrics gc;

  private Metrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
    this.registry = registry;
    this.gc = gc;
  }

  public static Metrics create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmInfoMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    for (CommentOutcome outcome : CommentOutcome.values()) {
      comments(registry, outcome); // every outcome is there from the start, at 0
    }
    return new Metrics(registry, gc);
  }

  /** For HikariCP's pool metrics ({@code hikaricp_*}). */
  public MeterRegistry registry() {
    return registry;
  }

  /** Everything, in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  /** One answered request: {@code route} is the matched pattern, or a fixed word when none. */
  public void request(String method, String route, int status, Duration took) {
    // Routes, methods and statuses are few: each timer is looked up once, not built per request.
    requestTimers
        .computeIfAbsent(
            method + ' ' + status + ' ' + route,
            key ->
                Timer.builder("http.server.requests")
                    .description("HTTP requests by route pattern, method and status")
                    .tag("method", method)
                    .tag("route", route)
                    .tag("status", Integer.toString(status))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry))
        .record(took.toNanos(), TimeUnit.NANOSECONDS);
  }

  public void commentSubmitted(CommentOutcome outcome) {
    comments(registry, outcome).increment();
  }

  /** {@code blog_content_version}: the version this instance has seen (see ContentVersion). */
  public void contentVersion(LongSupplier current) {
    Gauge.builder("blog.content.version", current::getAsLong)
        .description("Content version this instance has seen; instances agree within a second")
        .strongReference(true)
        .register(registry);
  }

  /**
   * {@code blog_page_cache_requests_total{result="hit|miss"}}: shareable page requests answered
   * from the page cache or rendered; the hit rate is hit / (hit + miss). Micrometer holds a
   * function counter's object only weakly (and its builder has no strong option): the suppliers are
   * method references nothing else keeps, so they hang on this Metrics, which lives as long as the
   * app, or the first garbage collection would silence both counts.
   */
  public void pageCache(LongSupplier hits, LongSupplier misses) {
    FunctionCounter.builder("blog.page.cache.requests", this, self -> hits.getAsLong())
        .description("Shareable page requests by whether the page cache answered them")
        .tag("result", "hit")
        .register(registry);
    FunctionCounter.builder("blog.page.cache.requests", this, self -> misses.getAsLong())
        .description("Shareable page requests by whether the page cache answered them")
        .tag("result", "miss")
        .register(registry);
  }

  private static Counter comments(MeterRegistry registry, CommentOutcome outcome) {
    return Counter.builder("blog.comments.submitted")
        .description("Comment submissions by outcome")
        .tag("outcome", outcome.tag())
        .register(registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
