package dev.cairn.forms;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.system.ApiException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Limits form submissions per client IP address in fixed windows. Counters live in memory only, so
 * addresses are never stored, and each instance of Cairn counts on its own.
 *
 * <p>NOTE: behind a reverse proxy every client shares the proxy's address unless {@code
 * server.forward-headers-strategy} is set, so that the client address is read from the proxy's
 * headers.
 */
@Component
class SubmissionRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRateLimiter.class);

    private final Cache<String, AtomicInteger> counters;
    private final int limit;
    private final long windowMinutes;

    SubmissionRateLimiter(FormsProperties properties) {
        this.limit = properties.submissionsPerAddress();
        this.windowMinutes = Math.max(1, properties.submissionWindow().toMinutes());
        this.counters = Caffeine.newBuilder()
                .expireAfterWrite(properties.submissionWindow())
                .maximumSize(100_000)
                .build();
    }

    /** Counts one submission from the address and rejects it with 429 when over the limit. */
    void acquire(String formId, String remoteAddress) {
        String key = remoteAddress == null ? "unknown" : remoteAddress;
        int count = counters.get(key, ignored -> new AtomicInteger()).incrementAndGet();
        if (count > limit) {
            log.warn("Form {} submission rejected: rate limit of {} per address reached", formId, limit);
            throw new ApiException(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "rate_limited",
                    "Too many submissions from your network: the limit is " + limit + " per " + windowMinutes
                            + " minutes. Try again later.");
        }
    }
}
