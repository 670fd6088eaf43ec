package dev.cairn.email;

import java.util.List;
import java.util.Map;

/**
 * A message ready for delivery.
 *
 * @param links the original URLs of the tracked links, by position
 * @param headers extra headers, such as {@code List-Unsubscribe}
 */
record ComposedMessage(
        String to, String subject, String html, String text, List<String> links, Map<String, String> headers) {

    @Override
    public String toString() {
        return "ComposedMessage[links=" + links.size() + "]";
    }
}
