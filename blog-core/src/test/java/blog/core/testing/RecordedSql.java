package blog.core.testing;

import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/** A Jdbi that writes down the SQL of every statement it runs: to see how a read was made. */
public final class RecordedSql {
  private RecordedSql() {}

  /** A Jdbi on {@code dataSource} adding each executed statement's SQL to {@code into}. */
  public static Jdbi recording(DataSource dataSource, List<String> into) {
    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.getConfig(SqlStatements.class)
        .setSqlLogger(
            new SqlLogger() {
              @Override
              public void logAfterExecution(StatementContext context) {
                into.add(context.getRenderedSql());
              }
            });
    return jdbi;
  }
}
