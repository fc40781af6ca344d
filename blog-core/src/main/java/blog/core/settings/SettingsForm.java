package blog.core.settings;

import java.util.List;
import java.util.function.Function;

/**
 * The settings screen's form: every value as text, as the screen shows it and as a browser sends it
 * back, untrusted. Checkboxes are "true" when ticked; an unticked one is absent (null). Field
 * errors name these components ({@code timeZone}, {@code maxLinks}, ...). The header's menu comes
 * in rows of its own ({@link MenuRow}).
 */
public record SettingsForm(
    String title,
    String tagline,
    String postsPerPage,
    String dateFormat,
    String timeFormat,
    String timeZone,
    String accent,
    String footerText,
    String homeShows,
    String logo,
    String requireNameEmail,
    String moderation,
    String maxLinks,
    String blocklist,
    String threadDepth,
    String closeAfterDays,
    String floodSeconds,
    String minSecondsToSubmit,
    String maxLength,
    String editWindowMinutes,
    String pageComments,
    String commentsPerPage,
    String commentsOrder,
    String avatars,
    String ipRetentionDays,
    String trustIdentities) {

  /** The form's field names, in order: also the names of the request parameters. */
  public static final List<String> FIELDS =
      List.of(
          "title",
          "tagline",
          "postsPerPage",
          "dateFormat",
          "timeFormat",
          "timeZone",
          "accent",
          "footerText",
          "homeShows",
          "logo",
          "requireNameEmail",
          "moderation",
          "maxLinks",
          "blocklist",
          "threadDepth",
          "closeAfterDays",
          "floodSeconds",
          "minSecondsToSubmit",
          "maxLength",
          "editWindowMinutes",
          "pageComments",
          "commentsPerPage",
          "commentsOrder",
          "avatars",
          "ipRetentionDays",
          "trustIdentities");

  /** The form from request parameters named as {@link #FIELDS}; missing ones are null. */
  public static SettingsForm read(Function<String, String> param) {
    return new SettingsForm(
        param.apply("title"),
        param.apply("tagline"),
        param.apply("postsPerPage"),
        param.apply("dateFormat"),
        param.apply("timeFormat"),
        param.apply("timeZone"),
        param.apply("accent"),
        param.apply("footerText"),
        param.apply("homeShows"),
        param.apply("logo"),
        param.apply("requireNameEmail"),
        param.apply("moderation"),
        param.apply("maxLinks"),
        param.apply("blocklist"),
        param.apply("threadDepth"),
        param.apply("closeAfterDays"),
        param.apply("floodSeconds"),
        param.apply("minSecondsToSubmit"),
        param.apply("maxLength"),
        param.apply("editWindowMinutes"),
        param.apply("pageComments"),
        param.apply("commentsPerPage"),
        param.apply("commentsOrder"),
        param.apply("avatars"),
        param.apply("ipRetentionDays"),
        param.apply("trustIdentities"));
  }
}
