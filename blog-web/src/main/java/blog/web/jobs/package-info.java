/**
 * The background jobs every instance runs (sending mail and notifications, delivering to the
 * fediverse and Webmention, retention and clean-ups, scheduled posts, taking back abandoned
 * imports), each on its own schedule, stopped before the database closes.
 */
package blog.web.jobs;
