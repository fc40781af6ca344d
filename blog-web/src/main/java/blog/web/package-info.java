/**
 * The composition root (BlogApp, Services, WebHandlers), the route table, the command line (Main
 * and its commands), security headers and background jobs.
 */
package blog.web;
