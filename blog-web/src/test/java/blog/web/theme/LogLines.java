package blog.web.theme;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** The log lines one class writes while a test looks. */
final class LogLines implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogLines(Class<?> source) {
    this.logger = (Logger) LoggerFactory.getLogger(source);
    appender.start();
    logger.addAppender(appender);
  }

  static LogLines of(Class<?> source) {
    return new LogLines(source);
  }

  /** How many lines so far contain {@code text}. */
  long count(String text) {
    return appender.list.stream().filter(e -> e.getFormattedMessage().contains(text)).count();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
