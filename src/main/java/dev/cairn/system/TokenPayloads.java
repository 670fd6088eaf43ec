package dev.cairn.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** Packs ids into the compact byte payloads of signed tokens and unpacks them again. */
public final class TokenPayloads {

    private TokenPayloads() {}

    /** Packs UUID ids, 16 bytes each, followed by an optional UTF-8 suffix. */
    public static byte[] pack(String suffix, String... ids) {
        byte[] tail = suffix == null ? new byte[0] : suffix.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(16 * ids.length + tail.length);
        for (String id : ids) {
            UUID uuid = UUID.fromString(id);
            buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        }
        return buffer.put(tail).array();
    }

    /** Reads the UUID at a position of a packed payload. */
    public static Optional<String> idAt(byte[] payload, int index) {
        if (payload.length < 16 * (index + 1)) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload, 16 * index, 16);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()).toString());
    }

    /** Reads the UTF-8 suffix after a number of packed ids. */
    public static String suffix(byte[] payload, int idCount) {
        int start = Math.min(payload.length, 16 * idCount);
        return new String(payload, start, payload.length - start, StandardCharsets.UTF_8);
    }
}
