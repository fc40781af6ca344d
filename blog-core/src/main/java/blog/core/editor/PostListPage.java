package blog.core.editor;

import java.util.List;

/** One page of the admin's post list, with the counts for the view links. */
public record PostListPage(
    List<PostListItem> items,
    PostListQuery query,
    int page,
    int totalPages,
    int total,
    StatusCounts counts) {
  public PostListPage {
    items = List.copyOf(items);
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < totalPages;
  }
}
