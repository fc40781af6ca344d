/**
 * Posts and pages as stored, their permalinks, and listings of visible posts with their keyset
 * positions.
 */
package blog.core.post;
