package blog.core.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One mail to one recipient. Built by server code, but its parts often carry user input (a
 * commenter's name in the subject), so it refuses anything that could add headers or recipients:
 * control characters in the subject and header values, malformed header names, headers the mailer
 * sets itself, and recipients that are not a single bare address.
 *
 * @param to the recipient's address, without a display name; an internationalised domain is kept in
 *     its ASCII (punycode) form
 * @param htmlBody an HTML alternative to {@code textBody}, or null for plain text only
 * @param headers extra headers such as {@code List-Unsubscribe}, in the order they are to be sent
 */
public record OutgoingMail(
    String to, String subject, String textBody, String htmlBody, Map<String, String> headers) {

  public static final int MAX_ADDRESS_LENGTH = 254;
  public static final int MAX_SUBJECT_LENGTH = 998;

  /** Headers the mailer writes from the other fields; setting them here would bypass checks. */
  private static final Set<String> RESERVED =
      Set.of(
          "to",
          "cc",
          "bcc",
          "from",
          "sender",
          "subject",
          "date",
          "message-id",
          "mime-version",
          "content-type",
          "content-transfer-encoding");

  public OutgoingMail {
    to = address(to);
    Objects.requireNonNull(subject, "subject");
    requireNoControlCharacters("subject", subject);
    if (subject.length() > MAX_SUBJECT_LENGTH) {
      throw new IllegalArgumentException("subject is longer than " + MAX_SUBJECT_LENGTH);
    }
    Objects.requireNonNull(textBody, "textBody");
    headers = checkedHeaders(headers == null ? Map.of() : headers);
  }

  /** A mail without extra headers. */
  public OutgoingMail(String to, String subject, String textBody, String htmlBody) {
    this(to, subject, textBody, htmlBody, Map.of());
  }

  /** The same mail with one more header, after those already set. */
  public OutgoingMail withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new OutgoingMail(to, subject, textBody, htmlBody, more);
  }

  /** Without the full address or the bodies, so a mail can be logged. */
  @Override
  public String toString() {
    return "OutgoingMail[to="
        + Redaction.domainOf(to)
        + ", subject="
        + subject
        + ", html="
        + (htmlBody != null)
        + ", headers="
        + headers.keySet()
        + "]";
  }

  private static String address(String to) {
    if (to == null || to.isBlank()) {
      throw new IllegalArgumentException("recipient is missing");
    }
    requireNoControlCharacters("recipient", to);
    try {
      String ascii = asciiDomain(to.strip());
      InternetAddress parsed = new InternetAddress(ascii, true);
      parsed.validate();
      String bare = parsed.getAddress();
      // "Name <a@b>" or a group would put someone else's text into the To header.
      if (parsed.getPersonal() != null || parsed.isGroup() || !bare.equals(ascii)) {
        throw new IllegalArgumentException("recipient must be a bare address");
      }
      if (bare.length() > MAX_ADDRESS_LENGTH) {
        throw new IllegalArgumentException("recipient is too long");
      }
      return bare;
    } catch (AddressException e) {
      throw new IllegalArgumentException("recipient is not a valid address", e);
    }
  }

  /**
   * An internationalised domain becomes its ASCII (punycode) form, which every server accepts; a
   * non-ASCII local part would need SMTPUTF8, which not every server offers, so it is refused.
   */
  private static String asciiDomain(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0 || StandardCharsets.US_ASCII.newEncoder().canEncode(address)) {
      return address;
    }
    String local = address.substring(0, at);
    if (!StandardCharsets.US_ASCII.newEncoder().canEncode(local)) {
      throw new IllegalArgumentException("recipient has non-ASCII characters before the @");
    }
    try {
      return local + "@" + IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("recipient has an invalid domain", e);
    }
  }

  private static Map<String, String> checkedHeaders(Map<String, String> headers) {
    Map<String, String> copy = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    headers.forEach(
        (name, value) -> {
          requireHeaderName(name);
          String lower = name.toLowerCase(Locale.ROOT);
          if (RESERVED.contains(lower)) {
            throw new IllegalArgumentException("header " + name + " is set by the mailer");
          }
          if (!seen.add(lower)) {
            throw new IllegalArgumentException("header " + name + " is given twice");
          }
          Objects.requireNonNull(value, name);
          requireNoControlCharacters("header " + name, value);
          copy.put(name, value);
        });
    return Collections.unmodifiableMap(copy);
  }

  /** RFC 5322: printable US-ASCII except the colon. */
  private static void requireHeaderName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("header name is missing");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 33 || c > 126 || c == ':') {
        throw new IllegalArgumentException("header name has a character not allowed there");
      }
    }
  }

  /** CR and LF would start a new header line; other controls have no business there either. */
  private static void requireNoControlCharacters(String what, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029') {
        throw new IllegalArgumentException(what + " contains a line break or control character");
      }
    }
  }
}
