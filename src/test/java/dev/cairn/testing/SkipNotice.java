package dev.cairn.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** Disables tests whose service is missing and prints the reason once, since Maven shows only counts. */
public final class SkipNotice {

    private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

    private SkipNotice() {}

    public static ConditionEvaluationResult skip(String reason) {
        if (PRINTED.add(reason)) {
            System.err.println("[SKIPPED] " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
