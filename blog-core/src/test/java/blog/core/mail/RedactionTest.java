package blog.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void addressesShowOnlyTheirDomain() {
    assertEquals("…@example.org", Redaction.domainOf("jane.doe@example.org"));
    assertEquals(
        "550 5.1.1 <…@example.org>: Recipient address rejected",
        Redaction.addresses("550 5.1.1 <jane.doe+blog@example.org>: Recipient address rejected"));
  }

  @Test
  void errorsReadAsOneLineWithCausesAndNoAddresses() {
    MessagingException error =
        new MessagingException(
            "Invalid Addresses",
            new MessagingException("550 5.1.1 <jane.doe@example.org>:\r\n User unknown"));

    String text = Redaction.describe(error);

    assertFalse(text.contains("jane.doe"), text);
    assertFalse(text.contains("\n"), text);
    assertTrue(text.startsWith("MessagingException: Invalid Addresses; caused by"), text);
    assertTrue(text.contains("<…@example.org>: User unknown"), text);
    assertTrue(Redaction.describe(new RuntimeException("x".repeat(5000))).length() <= 1000);
  }
}
