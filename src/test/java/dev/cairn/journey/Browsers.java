package dev.cairn.journey;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import dev.cairn.testing.SkipNotice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright. Tests that need it skip when it is not installed, unless
 * {@code CAIRN_REQUIRE_BROWSER=true} (as in CI), in which case they run and fail.
 */
final class Browsers implements ExecutionCondition {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CAIRN_TEST_CHROMIUM", "/usr/bin/chromium"));

    /** Flags that keep Chromium from contacting hosts this machine cannot reach. */
    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic");

    static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(ARGS));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM)) {
            return ConditionEvaluationResult.enabled("Chromium found at " + CHROMIUM);
        }
        if ("true".equals(System.getenv("CAIRN_REQUIRE_BROWSER"))) {
            return ConditionEvaluationResult.enabled("CAIRN_REQUIRE_BROWSER is set: running so the failure shows");
        }
        return SkipNotice.skip("Browser tests skipped: no Chromium at " + CHROMIUM
                + "; install chromium or set CAIRN_REQUIRE_BROWSER=true to fail instead");
    }
}
