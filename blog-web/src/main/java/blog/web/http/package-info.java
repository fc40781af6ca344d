/**
 * HTTP plumbing every route shares: security headers and the content security policy, answers to
 * malformed requests, refused request bodies, content negotiation (a page or its ActivityStreams
 * document), and answers to writes held until the write is in the database file.
 */
package blog.web.http;
