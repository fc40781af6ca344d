/**
 * The small rules every new comment passes (honeypot, minimum time, flood, duplicate, block list,
 * link count, first comment), each saying pass, reject, spam or hold.
 */
package blog.core.comment.check;
