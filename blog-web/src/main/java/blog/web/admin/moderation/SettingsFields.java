package blog.web.admin.moderation;

import blog.core.comment.FieldError;
import blog.core.settings.SettingsEditor;
import blog.core.settings.SettingsForm;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The settings screen's fields, labelled and grouped, with the values and messages to show. */
final class SettingsFields {
  private SettingsFields() {}

  /** A group of fields under a heading. */
  public record Section(String title, List<Field> fields) {}

  /**
   * One field: {@code kind} is text, number, checkbox, select or textarea; {@code value} as typed
   * (or stored); {@code error} empty when there is none.
   */
  public record Field(
      String name,
      String label,
      String hint,
      String kind,
      String value,
      boolean checked,
      List<Option> options,
      String error) {}

  /** A drop-down's choice: the stored {@code value} and the words the admin reads. */
  public record Option(String value, String words, boolean selected) {}

  private record Spec(String name, String label, String hint, String kind, List<String> options) {
    Spec(String name, String label, String hint, String kind) {
      this(name, label, hint, kind, List.of());
    }
  }

  /** What each stored choice means, keyed by field name and value; every choice has its words. */
  private static final Map<String, String> WORDS =
      Map.of(
          "moderation.all", "Hold every comment for approval",
          "moderation.first", "Hold comments from people with no approved comment yet",
          "moderation.none", "Hold no comment for being new (other rules still apply)",
          "commentsOrder.oldest", "Oldest first",
          "commentsOrder.newest", "Newest first",
          "avatars.identicon", "Patterns drawn by the blog (no third party)",
          "avatars.gravatar", "Gravatar (readers then load pictures from gravatar.com)",
          "homeShows.excerpts", "An excerpt of each post, with a link to read on",
          "homeShows.full", "Each post in full");

  private static final List<Spec> SITE =
      List.of(
          new Spec("title", "Site title", "", "text"),
          new Spec("tagline", "Tagline", "In a few words, what this site is about.", "text"),
          new Spec("postsPerPage", "Posts per page", "1 to 100.", "number"),
          new Spec("dateFormat", "Date format", "A pattern such as MMMM d, yyyy.", "text"),
          new Spec("timeFormat", "Time format", "A pattern such as h:mm a.", "text"),
          new Spec("timeZone", "Time zone", "For example Europe/Berlin or UTC.", "text"));

  private static final List<Spec> LOOK =
      List.of(
          new Spec(
              "accent",
              "Accent colour",
              "For links, buttons and the focus outline. It must be dark enough to read on white"
                  + " (a contrast of at least 4.5:1).",
              "color"),
          new Spec("homeShows", "The home page shows", "", "select", SettingsEditor.HOME_SHOWS),
          new Spec(
              "logo",
              "Header image or logo",
              "The address of an image uploaded to this site (under Posts, upload an image and"
                  + " copy its /media/... address). Empty for none.",
              "text"),
          new Spec(
              "footerText",
              "Footer text",
              "Plain text in place of \u201cPowered by\u2026\u201d. Empty keeps that line.",
              "text"));

  private static final List<Spec> DISCUSSION =
      List.of(
          new Spec(
              "requireNameEmail", "Comment authors must give a name and email", "", "checkbox"),
          new Spec(
              "moderation",
              "Comment moderation",
              "Which comments wait for approval.",
              "select",
              SettingsEditor.MODERATION_MODES),
          new Spec(
              "maxLinks",
              "Hold a comment with more than this many links",
              "0 holds every comment with a link.",
              "number"),
          new Spec(
              "blocklist",
              "Blocked words",
              "One word, email or IP address a line; matching comments go to the spam.",
              "textarea"),
          new Spec("threadDepth", "Threaded comments, levels deep", "1 to 10.", "number"),
          new Spec(
              "closeAfterDays",
              "Close comments on posts older than (days)",
              "0 keeps them open.",
              "number"),
          new Spec(
              "floodSeconds", "Seconds between one person's comments", "0 for no limit.", "number"),
          new Spec(
              "minSecondsToSubmit",
              "Least seconds to fill in the comment form",
              "Faster submissions are treated as robots.",
              "number"),
          new Spec("maxLength", "Longest comment (characters)", "", "number"),
          new Spec(
              "editWindowMinutes",
              "Minutes commenters may edit their comments",
              "0 for never.",
              "number"),
          new Spec("pageComments", "Break comments into pages", "", "checkbox"),
          new Spec("commentsPerPage", "Top-level comments per page", "", "number"),
          new Spec(
              "commentsOrder",
              "Which comments come first",
              "",
              "select",
              SettingsEditor.COMMENT_ORDERS),
          new Spec("avatars", "Avatars", "", "select", SettingsEditor.AVATAR_SOURCES),
          new Spec(
              "ipRetentionDays",
              "Keep commenters' IP addresses for (days)",
              "0 keeps them.",
              "number"),
          new Spec(
              "trustIdentities",
              "Approve comments from signed-in commenters at once",
              "",
              "checkbox"));

  static List<Section> sections(SettingsForm form, List<FieldError> errors) {
    Map<String, String> values = values(form);
    Map<String, String> messages = messages(errors);
    return List.of(
        new Section("Site", fields(SITE, values, messages)),
        new Section("Look", fields(LOOK, values, messages)),
        new Section("Discussion", fields(DISCUSSION, values, messages)));
  }

  static Map<String, String> messages(List<FieldError> errors) {
    Map<String, String> messages = new HashMap<>();
    for (FieldError e : errors) {
      messages.putIfAbsent(e.field(), e.message());
    }
    return messages;
  }

  private static List<Field> fields(
      List<Spec> specs, Map<String, String> values, Map<String, String> messages) {
    List<Field> fields = new ArrayList<>();
    for (Spec s : specs) {
      String value = values.getOrDefault(s.name(), "");
      fields.add(
          new Field(
              s.name(),
              s.label(),
              s.hint(),
              s.kind(),
              value,
              List.of("true", "on", "yes", "1").contains(value.strip()),
              s.options().stream()
                  .map(o -> new Option(o, words(s.name(), o), o.equals(value.strip())))
                  .toList(),
              messages.getOrDefault(s.name(), "")));
    }
    return fields;
  }

  private static String words(String field, String value) {
    String words = WORDS.get(field + "." + value);
    if (words == null) {
      throw new IllegalStateException("No words for " + field + " choice " + value);
    }
    return words;
  }

  /** The form's values by field name; a missing one (an unticked box) is empty. */
  private static Map<String, String> values(SettingsForm form) {
    Map<String, String> values = new HashMap<>();
    for (RecordComponent c : SettingsForm.class.getRecordComponents()) {
      try {
        Object value = c.getAccessor().invoke(form);
        values.put(c.getName(), value == null ? "" : value.toString());
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }
    return values;
  }
}
