package blog.web.auth;

import java.util.List;

/** The log-in providers this blog offers, for the reply form. */
public interface LoginMenu {
  List<ProviderButton> buttons();

  /** The display label of a provider id ("GitHub"), or the id itself if it is unknown now. */
  String label(String providerId);

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
