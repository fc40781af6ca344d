package blog.core.comment;

/** Where the avatars next to comments come from ({@code discussion.avatars}). */
public enum AvatarSource {
  /** Drawn by the blog itself from the display name: no reader's browser calls a third party. */
  IDENTICON,
  /**
   * Gravatar's picture for the commenter's email where there is one. Opt-in: every reader's browser
   * then asks Gravatar, and the page carries a hash of each commenter's email.
   */
  GRAVATAR
}
