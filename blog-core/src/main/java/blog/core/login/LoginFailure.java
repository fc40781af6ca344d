package blog.core.login;

/**
 * A third-party log-in that did not end with a profile. The message is for the operator's log (it
 * names the provider and what went wrong, never a token, code or secret); {@link #userMessage()} is
 * for the person trying to log in.
 */
public final class LoginFailure extends Exception {
  /** Why a log-in failed, each with a plain-English message for the person logging in. */
  public enum Reason {
    /** The provider could not be reached, answered 5xx, or its discovery document was unusable. */
    PROVIDER_UNAVAILABLE(
        "The sign-in service could not be reached just now. Please try again in a few minutes."),
    /** The token endpoint refused the code: used twice, expired, or not issued for us. */
    CODE_REJECTED("That sign-in link has expired or was already used. Please sign in again."),
    /** The ID token failed a check: signature, issuer, audience, expiry or nonce. */
    ID_TOKEN_INVALID(
        "The sign-in service sent an answer we could not verify, so you are not signed in."
            + " Please try again."),
    /** The provider would not give us the profile, or gave one we cannot use. */
    PROFILE_UNAVAILABLE(
        "The sign-in service did not share your profile with us, so you are not signed in."
            + " Please try again.");

    private final String userMessage;

    Reason(String userMessage) {
      this.userMessage = userMessage;
    }

    public String userMessage() {
      return userMessage;
    }
  }

  private final String provider;
  private final Reason reason;

  public LoginFailure(String provider, Reason reason, String detail) {
    this(provider, reason, detail, null);
  }

  public LoginFailure(String provider, Reason reason, String detail, Throwable cause) {
    super("Log-in with " + provider + " failed (" + reason + "): " + detail, cause);
    this.provider = provider;
    this.reason = reason;
  }

  /** The id of the provider, e.g. {@code github}. */
  public String provider() {
    return provider;
  }

  public Reason reason() {
    return reason;
  }

  /** What to tell the person logging in; holds nothing from the provider. */
  public String userMessage() {
    return reason.userMessage();
  }
}
