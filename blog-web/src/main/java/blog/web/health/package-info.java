/** The liveness and readiness checks, /healthz and /readyz. */
package blog.web.health;
