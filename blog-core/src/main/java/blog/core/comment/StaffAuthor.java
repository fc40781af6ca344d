package blog.core.comment;

/**
 * The staff account a comment is written from (a moderator or author logged in on the public site):
 * who it is comes from the account, never from the form.
 */
public record StaffAuthor(long userId, String displayName, String email) {}
