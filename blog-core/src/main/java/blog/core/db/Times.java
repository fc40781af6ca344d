package blog.core.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** Reads TIMESTAMP WITH TIME ZONE columns the same way on H2 and PostgreSQL. */
public final class Times {
  private Times() {}

  /** The instant in {@code column}, or null when the column is NULL. */
  public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** The instant in a NOT NULL {@code column} (or one a query's conditions keep from NULL). */
  public static Instant required(ResultSet rs, String column) throws SQLException {
    Instant value = instant(rs, column);
    if (value == null) {
      throw new SQLException("column " + column + " is NULL");
    }
    return value;
  }
}
