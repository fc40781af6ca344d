package blog.core.login;

import blog.core.site.SettingsRepository;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which configured log-in providers an admin has switched off (the configuration says which exist;
 * the settings screen says which are offered). Read per request, so a change applies at once.
 */
public final class ProviderSwitches {
  static final String OFF = "auth.providers-off";

  private final SettingsRepository settings;

  public ProviderSwitches(SettingsRepository settings) {
    this.settings = settings;
  }

  public Set<String> off() {
    String stored = settings.content().getOrDefault(OFF, "");
    return Arrays.stream(stored.split(","))
        .map(String::strip)
        .filter(id -> !id.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  public boolean isOn(String providerId) {
    return !off().contains(providerId);
  }

  public void setOff(Set<String> providerIds) {
    settings.putAll(Map.of(OFF, String.join(",", new TreeSet<>(providerIds))));
  }
}
