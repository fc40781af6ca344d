/**
 * Outgoing mail: the queue in the database shared by all instances, the background dispatcher with
 * its retries, and SMTP.
 */
package blog.core.mail;
