/**
 * Operations: request ids and the access log, JSON log lines, and Prometheus metrics on a port of
 * their own.
 */
package blog.web.ops;
