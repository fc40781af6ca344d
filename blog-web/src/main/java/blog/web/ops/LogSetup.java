package blog.web.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** Switches logging to JSON lines when {@code log.format=json}; text needs nothing. */
public final class LogSetup {
  private LogSetup() {}

  public static void apply(OpsSettings.LogFormat format) {
    if (format != OpsSettings.LogFormat.JSON) {
      return;
    }
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    URL json = LogSetup.class.getResource("/logback-json.xml");
    if (!(factory instanceof LoggerContext context) || json == null) {
      return; // not logback (embedded somewhere else): leave logging as the host set it up
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(json);
    } catch (JoranException e) {
      throw new IllegalStateException("Cannot switch logging to JSON", e);
    }
  }
}
