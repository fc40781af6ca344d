package blog.web.auth;

import blog.core.auth.LoginProvider;
import blog.core.auth.LoginProviders;
import blog.core.auth.ProviderSwitches;
import java.util.List;
import java.util.Set;

/**
 * The reply form's log-in buttons: one per configured provider an admin has not switched off, in
 * their display order.
 */
public final class ProviderMenu implements LoginMenu {
  private final LoginProviders providers;
  private final ProviderSwitches switches;

  public ProviderMenu(LoginProviders providers, ProviderSwitches switches) {
    this.providers = providers;
    this.switches = switches;
  }

  @Override
  public List<ProviderButton> buttons() {
    Set<String> off = switches.off();
    return providers.configured().stream()
        .filter(p -> !off.contains(p.id()))
        .map(p -> new ProviderButton(p.id(), p.label()))
        .toList();
  }

  /** Every configured provider, on or off, for the settings screen. */
  public List<ProviderButton> configured() {
    return providers.configured().stream().map(p -> new ProviderButton(p.id(), p.label())).toList();
  }

  @Override
  public String label(String providerId) {
    return providers.find(providerId).map(LoginProvider::label).orElse(providerId);
  }
}
