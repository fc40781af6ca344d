package blog.web.admin.moderation;

import blog.core.moderation.QueueCursor;
import blog.core.moderation.QueueQuery;
import blog.core.moderation.QueueView;
import java.util.function.Function;

/**
 * Where in the queue a moderator is: a tab and a page (a cursor token, or none for the newest).
 * Read from parameters ({@code status}, {@code older}, {@code newer}) and turned back into an
 * address only through parsed values, so a redirect never goes anywhere but the queue.
 */
record QueuePlace(QueueView view, QueueCursor older, QueueCursor newer) {
  static QueuePlace from(Function<String, String> param) {
    QueueView view = QueueView.fromParam(param.apply("status")).orElse(QueueView.ALL);
    QueueCursor older = QueueCursor.parse(param.apply("older")).orElse(null);
    QueueCursor newer = older != null ? null : QueueCursor.parse(param.apply("newer")).orElse(null);
    return new QueuePlace(view, older, newer);
  }

  QueueQuery query() {
    return new QueueQuery(view, null, older, newer);
  }

  String status() {
    return view.param();
  }

  String olderToken() {
    return older == null ? "" : older.token();
  }

  String newerToken() {
    return newer == null ? "" : newer.token();
  }

  String url() {
    String url = "/admin/comments?status=" + view.param();
    if (older != null) {
      url += "&older=" + older.token();
    } else if (newer != null) {
      url += "&newer=" + newer.token();
    }
    return url;
  }
}
