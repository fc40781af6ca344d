package blog.core.config;

/** A configuration key has a value the blog cannot use; the message names the key. */
public class ConfigException extends RuntimeException {
  public ConfigException(String key, String problem) {
    super("Configuration key " + key + " (" + Config.envName(key) + "): " + problem);
  }
}
