package blog.core.db;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import blog.core.identity.Role;
import blog.core.identity.UserRepository;
import blog.core.testing.DatabaseTestBase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransactionsTest extends DatabaseTestBase {
  @Test
  void repositoryCallsInsideATransactionRollBackTogether() {
    var jdbi = db.database().jdbi();
    UserRepository users = new UserRepository(jdbi);
    Transactions tx = new Transactions(jdbi);
    assertThrows(
        IllegalStateException.class,
        () ->
            tx.inTransaction(
                () -> {
                  users.insert("rolled-back", "R", null, Role.AUTHOR, Instant.EPOCH);
                  throw new IllegalStateException("boom");
                }));
    assertTrue(users.findByUsername("rolled-back").isEmpty());
  }

  @Test
  void databaseAnswersReachabilityCheck() {
    assertTrue(db.database().isReachable());
  }
}
