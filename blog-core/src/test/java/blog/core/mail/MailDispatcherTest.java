package blog.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One dispatcher: what arrives, how it retries, when it gives up, how it runs by itself. */
class MailDispatcherTest extends MailDispatchTestBase {
  @Test
  void queuedMailArrivesWithSubjectBothPartsAndCustomHeaders() throws Exception {
    smtp.start();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("List-Unsubscribe", "<https://blog.example/unsubscribe?token=abc123>");
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    headers.put("X-Blog-Comment", "Grüße von Jörg");
    long id =
        queue.enqueue(
            new OutgoingMail(
                "reader@example.org",
                "Neuer Kommentar zu »Grüße aus Köln«",
                "Jörg schrieb:\nSchöner Artikel!",
                "<p>Jörg schrieb:</p><blockquote>Schöner Artikel!</blockquote>",
                headers),
            clock.instant());

    assertEquals(1, dispatcher(queue, "w1", 8).drain());

    assertTrue(smtp.await(1, WAIT));
    List<MimeMessage> received = smtp.received();
    assertEquals(1, received.size());
    MimeMessage message = received.get(0);
    assertEquals("Neuer Kommentar zu »Grüße aus Köln«", message.getSubject());
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertEquals("blog@blog.example", from.getAddress());
    assertEquals("Tëst Blög", from.getPersonal());
    assertTrue(message.getHeader("From", null).startsWith("=?UTF-8?"), "encoded display name");
    assertEquals("reader@example.org", message.getAllRecipients()[0].toString());
    assertEquals(T0, message.getSentDate().toInstant());
    assertEquals(
        "<https://blog.example/unsubscribe?token=abc123>",
        message.getHeader("List-Unsubscribe", null));
    assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post", null));
    assertEquals(
        "Grüße von Jörg", MimeUtility.decodeText(message.getHeader("X-Blog-Comment", null)));
    assertTrue(message.isMimeType("multipart/alternative"), message.getContentType());
    MimeMultipart parts = assertInstanceOf(MimeMultipart.class, message.getContent());
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertTrue(parts.getBodyPart(0).getContentType().toLowerCase().contains("utf-8"));
    assertEquals("Jörg schrieb:\nSchöner Artikel!", text(parts.getBodyPart(0).getContent()));
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    assertEquals(
        "<p>Jörg schrieb:</p><blockquote>Schöner Artikel!</blockquote>",
        text(parts.getBodyPart(1).getContent()));

    QueuedMail stored = queue.findById(id).orElseThrow();
    assertEquals(MailStatus.SENT, stored.status());
    assertEquals(T0, stored.sentAt());
    assertEquals(1, stored.attempts());
    assertNull(stored.lastError());
  }

  @Test
  void mailWithoutHtmlGoesAsPlainUtf8Text() throws Exception {
    smtp.start();
    queue.enqueue(plain("plain@example.org", "Only text"), clock.instant());

    dispatcher(queue, "w1", 8).drain();

    assertTrue(smtp.await(1, WAIT));
    MimeMessage message = smtp.received().get(0);
    assertTrue(message.isMimeType("text/plain"), message.getContentType());
    assertTrue(message.getContentType().toLowerCase().contains("utf-8"));
    assertEquals("Text of Only text", text(message.getContent()));
  }

  @Test
  void mailWaitsOutAnSmtpOutageWithGrowingPausesAndArrivesOnceItIsBack() throws Exception {
    MailDispatcher dispatcher = dispatcher(queue, "w1", 8);
    long id = queue.enqueue(plain("patient@example.org", "Outage"), clock.instant());

    assertEquals(1, dispatcher.drain(), "first attempt, server down");
    QueuedMail afterFirst = queue.findById(id).orElseThrow();
    assertEquals(MailStatus.QUEUED, afterFirst.status());
    assertEquals(1, afterFirst.attempts());
    assertEquals(T0.plusSeconds(30), afterFirst.nextAttemptAt());
    assertNotNull(afterFirst.lastError());
    assertTrue(afterFirst.lastError().contains("connect"), afterFirst.lastError());

    assertEquals(0, dispatcher.drain(), "not due yet");
    clock.advance(Duration.ofSeconds(29));
    assertEquals(0, dispatcher.drain(), "still not due");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, dispatcher.drain(), "second attempt, server still down");
    QueuedMail afterSecond = queue.findById(id).orElseThrow();
    assertEquals(2, afterSecond.attempts());
    assertEquals(clock.instant().plusSeconds(60), afterSecond.nextAttemptAt(), "pause doubled");

    smtp.start();
    clock.advance(Duration.ofSeconds(59));
    assertEquals(0, dispatcher.drain());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, dispatcher.drain(), "third attempt, server back");

    assertTrue(smtp.await(1, WAIT));
    assertEquals(1, smtp.received().size());
    assertEquals("Outage", smtp.received().get(0).getSubject());
    QueuedMail sent = queue.findById(id).orElseThrow();
    assertEquals(MailStatus.SENT, sent.status());
    assertEquals(3, sent.attempts());
    assertEquals(clock.instant(), sent.sentAt());
    assertNull(sent.lastError());
  }

  @Test
  void afterTheLastAttemptTheMailIsFailedWithItsError() {
    MailDispatcher dispatcher = dispatcher(queue, "w1", 3);
    long id = queue.enqueue(plain("unlucky@example.org", "Never"), clock.instant());

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertEquals(1, dispatcher.drain(), "attempt " + attempt);
      clock.advance(Duration.ofHours(1));
    }

    QueuedMail failed = queue.findById(id).orElseThrow();
    assertEquals(MailStatus.FAILED, failed.status());
    assertEquals(3, failed.attempts());
    assertTrue(failed.lastError().contains("MailConnectException"), failed.lastError());
    smtp.start();
    clock.advance(Duration.ofDays(1));
    assertEquals(0, dispatcher.drain(), "a failed mail is not tried again");
    assertEquals(
        Map.of(
            MailStatus.QUEUED,
            0L,
            MailStatus.SENDING,
            0L,
            MailStatus.SENT,
            0L,
            MailStatus.FAILED,
            1L),
        queue.countByStatus());
  }

  @Test
  void runningDispatcherSendsOnStartOnWakeAndOnItsOwnSchedule() throws Exception {
    smtp.start();
    queue.enqueue(plain("early@example.org", "Queued before start"), clock.instant());
    try (MailDispatcher dispatcher = dispatcher(queue, "w1", 8)) {
      dispatcher.start(Duration.ofHours(1));
      assertTrue(smtp.await(1, WAIT), "the first poll runs at start");

      queue.enqueue(plain("woken@example.org", "Queued then woken"), clock.instant());
      dispatcher.wake();
      assertTrue(smtp.await(2, WAIT), "wake() drains without waiting for the next poll");
    }
    try (MailDispatcher polling = dispatcher(queue, "w2", 8)) {
      polling.start(Duration.ofMillis(50));
      queue.enqueue(plain("polled@example.org", "Picked up by polling"), clock.instant());
      assertTrue(smtp.await(3, WAIT), "polling finds mail nobody woke it for");
    }
    Set<String> subjects =
        smtp.received().stream().map(MailDispatchTestBase::subject).collect(Collectors.toSet());
    assertEquals(
        Set.of("Queued before start", "Queued then woken", "Picked up by polling"), subjects);
  }
}
