package blog.web.auth;

/** A log-in provider as the reply form offers it: an icon button that posts to its start URL. */
public record ProviderButton(String id, String label) {
  public String startUrl() {
    return "/auth/" + id + "/start";
  }
}
