package blog.core.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generation under way has to undo if it never finishes: the highest ids of the tables it
 * adds to, as they were before it began, and the comment indexes it dropped. Stored (setting {@link
 * #SETTING}) before the first row is written and removed only after the last index is built again,
 * so a {@code generate} cut off by a crash leaves a mark the next start finds ({@link
 * DataGenerator#undoUnfinished}).
 *
 * @param users the highest user id before (the generator adds its authors when missing)
 * @param terms the highest term id before
 * @param posts the highest post id before
 * @param comments the highest comment id before
 * @param dropped the comment indexes dropped for the bulk load, to be built again
 */
record GenerationMark(
    long users, long terms, long posts, long comments, List<BulkRepository.Index> dropped) {
  /** The settings row that holds the mark while a generation is under way. */
  static final String SETTING = "generate.unfinished";

  GenerationMark {
    dropped = List.copyOf(dropped);
  }

  GenerationMark withDropped(List<BulkRepository.Index> indexes) {
    return new GenerationMark(users, terms, posts, comments, indexes);
  }

  /**
   * As stored: {@code users=3;terms=9;posts=12;comments=502;indexes=NAME(a,b DESC)|OTHER(c)}. Index
   * and column names are plain identifiers ({@link BulkRepository#plainIndexes}).
   */
  String encode() {
    List<String> indexes = new ArrayList<>();
    for (BulkRepository.Index index : dropped) {
      indexes.add(index.name() + "(" + String.join(",", index.columns()) + ")");
    }
    return "users="
        + users
        + ";terms="
        + terms
        + ";posts="
        + posts
        + ";comments="
        + comments
        + ";indexes="
        + String.join("|", indexes);
  }

  static GenerationMark parse(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : text.split(";")) {
      int eq = field.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("not a generation mark: " + text);
      }
      fields.put(field.substring(0, eq), field.substring(eq + 1));
    }
    List<BulkRepository.Index> indexes = new ArrayList<>();
    String list = fields.getOrDefault("indexes", "");
    if (!list.isEmpty()) {
      for (String index : list.split("\\|")) {
        int open = index.indexOf('(');
        if (open < 1 || !index.endsWith(")")) {
          throw new IllegalArgumentException("not an index in a generation mark: " + index);
        }
        indexes.add(
            new BulkRepository.Index(
                index.substring(0, open),
                Arrays.asList(index.substring(open + 1, index.length() - 1).split(","))));
      }
    }
    return new GenerationMark(
        id(fields, "users"),
        id(fields, "terms"),
        id(fields, "posts"),
        id(fields, "comments"),
        indexes);
  }

  private static long id(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("a generation mark without " + name);
    }
    return Long.parseLong(value);
  }
}
