package blog.web.auth;

import blog.core.auth.LoginProvider;
import blog.core.auth.LoginProviders;
import java.util.List;

/** The reply form's log-in buttons: one per configured provider, in their display order. */
public final class ProviderMenu implements LoginMenu {
  private final LoginProviders providers;

  public ProviderMenu(LoginProviders providers) {
    this.providers = providers;
  }

  @Override
  public List<ProviderButton> buttons() {
    return providers.configured().stream().map(p -> new ProviderButton(p.id(), p.label())).toList();
  }

  @Override
  public String label(String providerId) {
    return providers.find(providerId).map(LoginProvider::label).orElse(providerId);
  }
}
