/** What the feeds carry: the newest visible posts and the newest approved comments. */
package blog.core.feed;
