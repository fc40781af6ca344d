/**
 * HTTP plumbing every route shares: security headers and the content security policy, answers to
 * malformed requests, refused request bodies, and answers to writes held until the write is in the
 * database file.
 */
package blog.web.http;
