package dev.cairn.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.util.Map;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Fills a MIME message: multipart/alternative with text and HTML parts, plus extra headers. */
final class MimeMessages {

    private MimeMessages() {}

    static void fill(MimeMessage mime, ComposedMessage message, EmailProperties properties, String messageId)
            throws MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        try {
            helper.setFrom(properties.fromAddress(), properties.fromName());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("Cannot encode the sender name", e);
        }
        helper.setTo(asciiDomain(message.to()));
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        mime.setHeader("X-Cairn-Message-Id", messageId);
    }

    /** Converts an internationalised domain to its ASCII (punycode) form, which SMTP requires. */
    static String asciiDomain(String address) {
        int at = address.lastIndexOf('@');
        return address.substring(0, at + 1) + IDN.toASCII(address.substring(at + 1), IDN.ALLOW_UNASSIGNED);
    }
}
