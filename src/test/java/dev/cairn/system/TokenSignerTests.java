package dev.cairn.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Signing, purpose binding and key rotation of link tokens, on a real database. Test clocks start
 * after the newest stored key, so that their keys are the newest. The tests get a context of their
 * own, so those keys never reach other tests.
 */
@TestPropertySource(properties = "cairn.demo.enabled=false")
abstract class TokenSignerTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenSigner signer;

    @Test
    void signedPayload_verifiesForSamePurposeOnly() {
        byte[] payload = TokenPayloads.pack("7", Ids.newId());
        String token = signer.sign("click", payload);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(signer.verify("click", token)).hasValue(payload);
        assertThat(signer.verify("identity", token)).isEmpty();
        assertThat(signer.verify("click", tampered)).isEmpty();
        assertThat(signer.verify("click", "garbage")).isEmpty();
    }

    @Test
    void rotation_keepsOldTokensValidUntilRetentionEnds() {
        MutableClock clock = clockAfterNewestKey();
        SystemProperties properties = new SystemProperties(
                (URI) null,
                ZoneId.of("UTC"),
                new SystemProperties.Tokens(Duration.ofDays(30), Duration.ofDays(90)),
                1_048_576L);
        TokenSigner rotating = new TokenSigner(jdbc, clock, properties);
        String oldToken = rotating.sign("test", new byte[] {1, 2, 3});

        clock.now = clock.now.plus(Duration.ofDays(31));
        String newToken = rotating.sign("test", new byte[] {1, 2, 3});

        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(rotating.verify("test", oldToken)).isPresent();
        assertThat(rotating.verify("test", newToken)).isPresent();

        clock.now = clock.now.plus(Duration.ofDays(60));

        assertThat(rotating.verify("test", oldToken)).isEmpty();
        assertThat(rotating.verify("test", newToken)).isPresent();
    }

    @Test
    void concurrentKeyCreation_allSign() throws Exception {
        MutableClock clock = clockAfterNewestKey();
        SystemProperties properties = new SystemProperties(
                (URI) null,
                ZoneId.of("UTC"),
                new SystemProperties.Tokens(Duration.ofDays(30), Duration.ofDays(90)),
                1_048_576L);
        List<java.util.concurrent.Future<String>> tokens = new java.util.ArrayList<>();

        int threads = 16;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);

        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                TokenSigner signer = new TokenSigner(jdbc, clock, properties);
                tokens.add(executor.submit(() -> {
                    start.await();
                    return signer.sign("test", new byte[] {7});
                }));
            }
        }

        TokenSigner verifier = new TokenSigner(jdbc, clock, properties);
        for (var token : tokens) {
            assertThat(verifier.verify("test", token.get())).hasValue(new byte[] {7});
        }
    }

    /** Returns a clock a year past the newest stored key, so that signing must create a key. */
    private MutableClock clockAfterNewestKey() {
        long newest = jdbc.sql("SELECT COALESCE(MAX(created_at), 0) FROM signing_key")
                .query(Long.class)
                .single();
        Instant start = Instant.ofEpochMilli(Math.max(newest, System.currentTimeMillis()));
        return new MutableClock(start.plus(Duration.ofDays(365)));
    }

    static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
