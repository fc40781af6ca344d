/** RSS 2.0 and Atom 1.0 feeds of posts and comments, written with ROME. */
package blog.web.feed;
