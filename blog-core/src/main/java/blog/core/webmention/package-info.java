/**
 * Webmention (W3C): the blog's endpoint taking mentions from other sites, verified in the
 * background (the source fetched safely, its microformats read) and taken in as comments, likes and
 * reposts; and mentions sent, with endpoint discovery, to the pages the blog's posts link to.
 */
package blog.core.webmention;
