package blog.web.auth;

import java.util.List;

/** The log-in providers this blog offers, for the reply form. */
public interface LoginMenu {
  List<ProviderButton> buttons();

  /** The display label of a provider id ("GitHub"), or the id itself if it is unknown now. */
  String label(String providerId);

  /**
   * Whether people can log in with this provider now: configured and not switched off. One removed
   * from the configuration still has identities, whose owners are told to link another.
   */
  default boolean offers(String providerId) {
    return buttons().stream().anyMatch(b -> b.id().equals(providerId));
  }

  LoginMenu NONE =
      new LoginMenu() {
        @Override
        public List<ProviderButton> buttons() {
          return List.of();
        }

        @Override
        public String label(String providerId) {
          return providerId;
        }
      };
}
