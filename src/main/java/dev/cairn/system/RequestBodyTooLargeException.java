package dev.cairn.system;

import java.io.IOException;

/** Raised while reading a request body that grows past {@code cairn.max-request-bytes}. */
public class RequestBodyTooLargeException extends IOException {

    private final long maxBytes;

    RequestBodyTooLargeException(long maxBytes) {
        super("The body is larger than " + maxBytes + " bytes, the maximum.");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
