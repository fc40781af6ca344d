package blog.web.theme;

import io.pebbletemplates.pebble.error.PebbleException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What went wrong in a template, for staff and the log: {@code file} as {@code
 * templates/post/single.peb}, whether that file is the theme's ({@code inTheme}) or the built-in
 * one, the line (0 when unknown) and Pebble's message.
 */
public record TemplateError(String file, boolean inTheme, int line, String message) {

  /** The error {@code e} raised while rendering {@code template} with the theme's templates. */
  static TemplateError of(RuntimeException e, String template, ThemeFolder theme) {
    String name = template;
    int line = 0;
    String message = e.toString();
    if (e instanceof PebbleException pebble) {
      name = pebble.getFileName() == null ? template : pebble.getFileName();
      line = pebble.getLineNumber() == null ? 0 : pebble.getLineNumber();
      message = pebble.getPebbleMessage();
    }
    Throwable cause = e.getCause();
    if (cause != null && cause != e && cause.getMessage() != null) {
      message = message + ": " + cause.getMessage();
    }
    String file = "templates/" + name + ".peb";
    Path inFolder = theme.root().resolve(file).normalize();
    boolean inTheme = inFolder.startsWith(theme.templates()) && Files.isRegularFile(inFolder);
    return new TemplateError(file, inTheme, line, message);
  }

  /** One line: file, line and message, as logged. */
  public String describe() {
    return (inTheme ? "theme " : "built-in ")
        + file
        + (line > 0 ? " line " + line : "")
        + ": "
        + message;
  }
}
