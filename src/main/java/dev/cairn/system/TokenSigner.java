package dev.cairn.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies the opaque tokens in links that Cairn sends out (preference center,
 * unsubscribe, click tracking, email identity).
 *
 * <p>A token is {@code base64url(keyId || payload) "." base64url(HMAC-SHA256 truncated to 16
 * bytes)}. The MAC covers a purpose string too, so a token minted for one purpose never verifies for
 * another. Keys live in the {@code signing_key} table: the newest signs, and each key verifies until
 * its retention ends. A new key is created when the newest is older than the rotation period.
 */
@Component
public class TokenSigner {

    private static final Logger log = LoggerFactory.getLogger(TokenSigner.class);
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SystemProperties.Tokens settings;
    private final SecureRandom random = new SecureRandom();
    private volatile List<SigningKey> keys = List.of();

    TokenSigner(JdbcClient jdbc, Clock clock, SystemProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = properties.tokens();
    }

    /** Returns a token that carries the payload, signed with the current key. */
    public String sign(String purpose, byte[] payload) {
        SigningKey key = currentKey();
        ByteBuffer body = ByteBuffer.allocate(2 + payload.length);
        body.putShort((short) key.id()).put(payload);
        byte[] bodyBytes = body.array();
        return ENCODER.encodeToString(bodyBytes) + "." + ENCODER.encodeToString(mac(key, purpose, bodyBytes));
    }

    /** Returns the payload of a token signed for this purpose with a key still retained. */
    public Optional<byte[]> verify(String purpose, String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        byte[] body;
        byte[] signature;
        try {
            body = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Only the canonical encoding verifies, so no two spellings of one token are accepted.
        if (body.length < 2
                || !ENCODER.encodeToString(body).equals(token.substring(0, dot))
                || !ENCODER.encodeToString(signature).equals(token.substring(dot + 1))) {
            return Optional.empty();
        }
        int keyId = ByteBuffer.wrap(body, 0, 2).getShort() & 0xFFFF;
        Optional<SigningKey> key = findKey(keyId);
        if (key.isEmpty() || !MessageDigest.isEqual(mac(key.get(), purpose, body), signature)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(body, 2, body.length));
    }

    private SigningKey currentKey() {
        Instant now = clock.instant();
        List<SigningKey> known = keys;
        if (!known.isEmpty()
                && known.getFirst().createdAt().plus(settings.keyRotation()).isAfter(now)) {
            return known.getFirst();
        }
        // No Java lock here: a caller may hold the database write lock (SQLite has one), and waiting
        // for a monitor while another thread waits for that write lock would deadlock both. Two
        // threads that create a key at once are resolved by the primary key instead.
        reloadKeys();
        if (keys.isEmpty()
                || !keys.getFirst().createdAt().plus(settings.keyRotation()).isAfter(now)) {
            createKey(now);
            reloadKeys();
        }
        return keys.getFirst();
    }

    private Optional<SigningKey> findKey(int id) {
        Instant oldestValid = clock.instant().minus(settings.keyRetention());
        for (int attempt = 0; attempt < 2; attempt++) {
            for (SigningKey key : keys) {
                if (key.id() == id) {
                    return key.createdAt().isAfter(oldestValid) ? Optional.of(key) : Optional.empty();
                }
            }
            // Another instance may have created the key since this one last read the table.
            reloadKeys();
        }
        return Optional.empty();
    }

    private void reloadKeys() {
        keys = jdbc.sql("SELECT id, secret, created_at FROM signing_key ORDER BY created_at DESC, id DESC")
                .query((rs, row) -> new SigningKey(
                        rs.getInt("id"),
                        Base64.getDecoder().decode(rs.getString("secret")),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list();
    }

    private void createKey(Instant now) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        Integer maxId = jdbc.sql("SELECT MAX(id) FROM signing_key")
                .query(Integer.class)
                .optional()
                .orElse(0);
        int id = (maxId == null ? 0 : maxId) + 1;
        if (id > 0xFFFF) {
            throw new IllegalStateException("signing key ids are exhausted; prune the signing_key table");
        }
        // ON CONFLICT, not an exception handler, because SQLite's driver reports a duplicate key
        // as an untranslated SQLException, and both databases accept this form.
        int inserted = jdbc.sql(
                        "INSERT INTO signing_key (id, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")
                .params(id, Base64.getEncoder().encodeToString(secret), now.toEpochMilli())
                .update();
        if (inserted == 1) {
            log.info("Created signing key {}", id);
        } else {
            log.debug("Signing key {} was created concurrently", id);
        }
    }

    private static byte[] mac(SigningKey key, String purpose, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(body), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private record SigningKey(int id, byte[] secret, Instant createdAt) {}
}
