/**
 * Operations: request ids and the access log, JSON log lines, Prometheus metrics on a port of their
 * own, and the liveness and readiness checks (/healthz, /readyz).
 */
package blog.web.ops;
