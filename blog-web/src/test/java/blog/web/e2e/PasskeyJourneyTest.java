package blog.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.User;
import blog.core.identity.UserRepository;
import blog.web.testing.StaffBrowsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkeys for staff in Chromium, with its virtual authenticator (a CTAP2 platform authenticator
 * with user verification, as a laptop's fingerprint reader is): an admin logged in with their
 * password adds a passkey, names it, turns the password off (and cannot remove the last passkey
 * then); the password is refused; the passkey logs them in (a new session); a credential with the
 * passkey's id but another key is refused; and the admin gives a locked-out author a new password.
 * The blog runs at http://localhost:PORT, its base URL, because a passkey belongs to a domain name.
 * Pages are checked (Nu, CSP, axe) and kept under {@code target/passkey-shots/}; {@link
 * PasskeyJourneyOnAPhoneTest} does it 390 px wide.
 */
class PasskeyJourneyTest extends BrowserTestBase {
  static final Path SHOTS = Path.of("target", "passkey-shots");
  private final int port = freePort();
  private User admin;
  private User lockedOut;

  @Override
  protected Map<String, String> config() {
    return Map.of("port", Integer.toString(port), "base-url", "http://localhost:" + port);
  }

  @Override
  protected String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** A browser of its own: the virtual authenticators stay with the browser it used. */
  @Override
  protected boolean sharesBrowser() {
    return false;
  }

  @Override
  protected void prepare() {
    var staff = new StaffBrowsers(db.database().jdbi(), server);
    admin = staff.account(Role.ADMIN, "Pat Passkey");
    lockedOut = staff.account(Role.AUTHOR, "Lou Locked-Out");
    db.database()
        .jdbi()
        .useHandle(
            h -> h.execute("UPDATE users SET password_off = TRUE WHERE id = ?", lockedOut.id()));
  }

  private void shot(String name) {
    keepFullPage(SHOTS.resolve(name + "-" + browserOptions().width() + ".png"));
  }

  private String adminCookie() {
    return cookies().stream()
        .filter(c -> c.getName().endsWith("blog_admin"))
        .map(c -> c.getValue())
        .findFirst()
        .orElse("");
  }

  private boolean loggedIn() {
    open("/admin");
    return currentPath().equals("/admin");
  }

  private void logOut() {
    find(".admin-nav .link-button").click();
    waitForPath("/admin/login");
  }

  private int storedPasskeys() {
    return db.database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM staff_passkeys WHERE user_id = :u")
                    .bind("u", admin.id())
                    .mapTo(Integer.class)
                    .one());
  }

  @Test
  void anAdminAddsAPasskeyTurnsThePasswordOffAndLogsInWithThePasskeyOnly() throws Exception {
    forgetEveryone();
    VirtualAuthenticator authenticator =
        driver.addVirtualAuthenticator(
            new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true));
    try {
      open("/admin/login");
      checkPageAndAccessibility("log-in page with the passkey button");
      assertTrue(find(".passkey-login").isDisplayed(), "the passkey log-in is offered");
      shot("login");
      logInToAdmin(admin.username(), StaffBrowsers.PASSWORD);
      String passwordSession = adminCookie();

      // Register: the account page, from the staff member's name in the admin bar.
      find(".admin-nav .admin-user").click();
      waitForPath("/admin/account");
      checkPageAndAccessibility("account page, no passkey");
      assertTrue(find(".passkey-none").isDisplayed());
      type("#passkey-new-name", "Laptop");
      find(".passkey-add .passkey-start").click();
      waitUntil(d -> currentPath().contains("done=added"));
      checkPageAndAccessibility("account page, one passkey");
      assertEquals("The passkey is added.", find(".form-notice").getText());
      assertEquals(1, authenticator.getCredentials().size(), "the authenticator holds it");
      assertEquals(1, storedPasskeys(), "the blog stored it");
      assertEquals("Laptop", find(".passkey-rename input[name=name]").getAttribute("value"));

      // Rename it.
      type(".passkey-rename input[name=name]", "Work laptop");
      find(".passkey-rename button").click();
      waitUntil(d -> currentPath().contains("done=renamed"));
      assertEquals("Work laptop", find(".passkey-rename input[name=name]").getAttribute("value"));

      // Turn the password off; the last passkey then stays.
      find(".password-off button").click();
      waitUntil(d -> currentPath().contains("done=off"));
      checkPageAndAccessibility("account page, password off");
      assertTrue(find("#password-heading + p").getText().contains("off"));
      shot("account");
      find(".passkey-remove button").click();
      waitUntil(d -> !findAll(".form-error").isEmpty());
      checkAccessibility("refusal to remove the last passkey");
      assertTrue(
          find(".form-error").getText().contains("last passkey and your password is off"),
          find(".form-error").getText());
      assertEquals(1, storedPasskeys(), "the last passkey stayed");

      // The password is refused now, with the answer a wrong one gets.
      logOut();
      type("#username", admin.username());
      type("#password", StaffBrowsers.PASSWORD);
      find(".admin-login button[type=submit]").click();
      waitUntil(d -> !findAll(".form-error").isEmpty());
      assertEquals("Wrong username or password.", find(".form-error").getText());
      assertFalse(loggedIn());

      // The passkey logs in: a new session, and the passkey's last use recorded.
      open("/admin/login");
      find(".passkey-login .passkey-start").click();
      waitForPath("/admin");
      assertEquals("Pat Passkey", find(".admin-nav .admin-user").getText());
      assertNotEquals(passwordSession, adminCookie(), "a new session at every log-in");
      find(".admin-nav .admin-user").click();
      waitForPath("/admin/account");
      assertFalse(find(".passkey-meta").getText().contains("last used never"));

      // Recovery by an admin: a locked-out author gets a new password, turned on.
      open("/admin/staff");
      checkPageAndAccessibility("staff list");
      shot("staff");
      type("#staff-password-" + lockedOut.id(), "a fresh start for Lou");
      find("#staff-password-" + lockedOut.id()).submit();
      waitUntil(d -> !findAll(".form-notice").isEmpty());
      assertTrue(find(".form-notice").getText().contains(lockedOut.username()));
      assertFalse(new UserRepository(db.database().jdbi()).passwordOff(lockedOut.id()));

      // A wrong credential: the passkey's id and user, but another private key.
      logOut();
      Credential registered = authenticator.getCredentials().get(0);
      authenticator.removeAllCredentials();
      authenticator.addCredential(
          Credential.createResidentCredential(
              registered.getId(),
              "localhost",
              otherKey(),
              registered.getUserHandle(),
              registered.getSignCount() + 1));
      find(".passkey-login .passkey-start").click();
      waitUntil(d -> !findAll(".form-error").isEmpty());
      checkAccessibility("refused passkey");
      assertEquals("That passkey was not accepted.", find(".form-error").getText());
      shot("refused");
      assertFalse(loggedIn(), "the forged passkey did not log in");
    } finally {
      driver.removeVirtualAuthenticator(authenticator);
    }
  }

  private static PKCS8EncodedKeySpec otherKey() throws NoSuchAlgorithmException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new PKCS8EncodedKeySpec(generator.generateKeyPair().getPrivate().getEncoded());
    } catch (java.security.InvalidAlgorithmParameterException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
