package blog.web.auth;

import blog.core.login.LoginProvider;
import blog.core.login.LoginProviders;
import blog.core.login.ProviderSwitches;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The reply form's log-in buttons: one per configured provider an admin has not switched off, in
 * their display order.
 */
public final class ProviderMenu implements LoginMenu {
  private final LoginProviders providers;
  private final ProviderSwitches switches;
  private final UnaryOperator<String> assetUrl;

  /** {@code assetUrl}: the served address of a static asset, for the providers' icons. */
  public ProviderMenu(
      LoginProviders providers, ProviderSwitches switches, UnaryOperator<String> assetUrl) {
    this.providers = providers;
    this.switches = switches;
    this.assetUrl = assetUrl;
  }

  @Override
  public List<ProviderButton> buttons() {
    Set<String> off = switches.off();
    return providers.configured().stream()
        .filter(p -> !off.contains(p.id()))
        .map(this::button)
        .toList();
  }

  /** Every configured provider, on or off, for the settings screen. */
  public List<ProviderButton> configured() {
    return providers.configured().stream().map(this::button).toList();
  }

  private ProviderButton button(LoginProvider p) {
    return new ProviderButton(p.id(), p.label(), assetUrl.apply(ProviderButton.icon(p.id())));
  }

  @Override
  public String label(String providerId) {
    return providers.find(providerId).map(LoginProvider::label).orElse(providerId);
  }
}
