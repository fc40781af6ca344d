package blog.core.testing;

import blog.core.mail.MailSettings;
import blog.core.mail.SmtpSecurity;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a loopback port chosen once, so a test can take it down and
 * bring it back on the same address while the mailer keeps its settings.
 */
public final class TestSmtpServer implements AutoCloseable {
  public static final String FROM = "Tëst Blög <blog@blog.example>";

  private final int port;
  private GreenMail greenMail;
  private String user;
  private String password;

  private TestSmtpServer(int port) {
    this.port = port;
  }

  /** A server on a free loopback port, not started yet. */
  public static TestSmtpServer onFreePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new TestSmtpServer(socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** From the next start on, knows this login and refuses a wrong password for it. */
  public TestSmtpServer withLogin(String user, String password) {
    this.user = user;
    this.password = password;
    return this;
  }

  public synchronized TestSmtpServer start() {
    if (greenMail == null) {
      GreenMail server =
          new GreenMail(
              new ServerSetup(port, InetAddress.getLoopbackAddress().getHostAddress(), "smtp"));
      if (user != null) {
        server.setUser("blog@blog.example", user, password);
      }
      server.start();
      greenMail = server;
    }
    return this;
  }

  /** Takes the server down; mail it had received is gone with it. */
  public synchronized void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  public int port() {
    return port;
  }

  /** Settings for a mailer talking plain SMTP to this server. */
  public MailSettings settings(int maxAttempts) {
    return new MailSettings(
        "127.0.0.1", port, user, password, SmtpSecurity.NONE, FROM, maxAttempts);
  }

  /** Waits until {@code count} mails have arrived or {@code timeout} has passed. */
  public boolean await(int count, Duration timeout) {
    return running().waitForIncomingEmail(timeout.toMillis(), count);
  }

  public List<MimeMessage> received() {
    return List.of(running().getReceivedMessages());
  }

  private synchronized GreenMail running() {
    if (greenMail == null) {
      throw new IllegalStateException("the test SMTP server is not running");
    }
    return greenMail;
  }

  @Override
  public void close() {
    stop();
  }
}
