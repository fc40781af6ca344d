/**
 * Staff log-in (with a password or a passkey) and log-out, the first admin's setup page, the
 * dashboard, and the role check in front of every staff route.
 */
package blog.web.admin;
