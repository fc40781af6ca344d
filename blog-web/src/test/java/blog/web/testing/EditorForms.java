package blog.web.testing;

import static blog.web.testing.StaffBrowsers.hidden;

import java.util.HashMap;
import java.util.Map;

/** The editor's form as a browser sends it, filled in. */
public final class EditorForms {
  private EditorForms() {}

  /**
   * The fields of the editor on {@code page} (new or existing post: its token, version and draft
   * key), with this title, body and status ({@code draft}, {@code publish}, ...).
   */
  public static Map<String, String> post(String page, String title, String body, String status) {
    Map<String, String> form = new HashMap<>();
    form.put("_csrf", hidden(page, "_csrf"));
    form.put("version", hidden(page, "version"));
    form.put("draft_key", hidden(page, "draft_key"));
    form.put("title", title);
    form.put("slug", "");
    form.put("body", body);
    form.put("excerpt", "");
    form.put("categories", "News");
    form.put("tags", "one, two");
    form.put("comments_open", "on");
    form.put("status", status);
    form.put("publish_at", "");
    return form;
  }
}
