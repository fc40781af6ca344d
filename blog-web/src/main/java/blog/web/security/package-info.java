/** The client's address behind trusted proxies, cookies, and CSRF protection. */
package blog.web.security;
