package blog.core.mail;

import jakarta.mail.MessagingException;

/** Hands one mail to a mail server; throws when the server did not accept it. */
@FunctionalInterface
public interface Mailer {
  void send(OutgoingMail mail) throws MessagingException;
}
