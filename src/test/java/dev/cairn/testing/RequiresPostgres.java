package dev.cairn.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips PostgreSQL tests when no server accepts connections, unless {@code CAIRN_REQUIRE_POSTGRES=true} (as in
 * CI), in which case they run and fail.
 */
public class RequiresPostgres implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabases.postgresAvailable()) {
            return ConditionEvaluationResult.enabled(
                    "PostgreSQL accepts connections at " + TestDatabases.POSTGRES_ADMIN_URL);
        }
        if ("true".equals(System.getenv("CAIRN_REQUIRE_POSTGRES"))) {
            return ConditionEvaluationResult.enabled("CAIRN_REQUIRE_POSTGRES is set: running so the failure shows");
        }
        return SkipNotice.skip("PostgreSQL tests skipped: no server accepts connections at "
                + TestDatabases.POSTGRES_ADMIN_URL + "; set CAIRN_REQUIRE_POSTGRES=true to fail instead");
    }
}
