package blog.web.auth;

import java.util.Set;

/**
 * A log-in provider as the reply form offers it: an icon button that posts to its start URL. The
 * built-in providers are known by their icon alone; any other OpenID Connect provider shows the
 * OpenID icon and its label, as the icon alone would not tell two of them apart.
 *
 * @param iconUrl the versioned address of the provider's icon
 */
public record ProviderButton(String id, String label, String iconUrl) {
  /** The providers with an icon of their own in {@code static/icons/}. */
  private static final Set<String> OWN_ICONS =
      Set.of("wordpress", "google", "x", "facebook", "github");

  /** The static asset that shows provider {@code id}. */
  public static String icon(String id) {
    return "icons/" + (OWN_ICONS.contains(id) ? id : "openid") + ".svg";
  }

  /** Every icon a button may show, for the asset list. */
  public static Set<String> icons() {
    return Set.of(
        icon("wordpress"), icon("google"), icon("x"), icon("facebook"), icon("github"), icon(""));
  }

  public String startUrl() {
    return "/auth/" + id + "/start";
  }

  /** Whether the icon alone names the provider (else its label is shown beside it). */
  public boolean iconOnly() {
    return OWN_ICONS.contains(id);
  }
}
