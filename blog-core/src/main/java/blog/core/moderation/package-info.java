/**
 * Comment moderation by staff: the queue and its counts, actions on one or many comments,
 * corrections and replies, and who may moderate what.
 */
package blog.core.moderation;
