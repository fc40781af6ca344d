/**
 * A staff member's own account in the admin (their password, their passkeys, turning the password
 * off) and the admins' list of staff, where an admin sets a new password for someone locked out.
 */
package blog.web.admin.account;
