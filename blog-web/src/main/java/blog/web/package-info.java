/**
 * The composition root (BlogApp, Services, WebHandlers), the route table, the blog's settings, and
 * the repair of a file a crash left torn.
 */
package blog.web;
