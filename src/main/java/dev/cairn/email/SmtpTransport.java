package dev.cairn.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Delivers over SMTP through Spring's {@link JavaMailSender}. A 5xx reply is a permanent failure;
 * anything else (4xx replies, lost connections) may succeed on a retry.
 */
class SmtpTransport implements MailTransport {

    private final JavaMailSender sender;
    private final EmailProperties properties;

    SmtpTransport(JavaMailSender sender, EmailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public void deliver(String messageId, ComposedMessage message) {
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessages.fill(mime, message, properties, messageId);
            sender.send(mime);
        } catch (MessagingException e) {
            throw new DeliveryException(
                    "building the message failed: " + e.getClass().getSimpleName(), true, e);
        } catch (MailSendException e) {
            Optional<Integer> code = e.getFailedMessages().values().stream()
                    .map(SmtpTransport::replyCode)
                    .flatMap(Optional::stream)
                    .findFirst();
            // Only the reply code is kept: the reply text often quotes the recipient address.
            String reason = code.map(value -> "SMTP server replied " + value)
                    .orElse("SMTP send failed: " + e.getClass().getSimpleName());
            throw new DeliveryException(
                    reason, code.filter(value -> value >= 500).isPresent(), e);
        } catch (MailException e) {
            throw new DeliveryException("SMTP failed: " + e.getClass().getSimpleName(), false, e);
        }
    }

    /** Finds the SMTP reply code in an exception's chain of causes and next exceptions. */
    static Optional<Integer> replyCode(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof SMTPSendFailedException sendFailed && sendFailed.getReturnCode() > 0) {
                return Optional.of(sendFailed.getReturnCode());
            }
            if (current instanceof SMTPAddressFailedException addressFailed && addressFailed.getReturnCode() > 0) {
                return Optional.of(addressFailed.getReturnCode());
            }
            Throwable next = current instanceof MessagingException messaging ? messaging.getNextException() : null;
            current = next != null ? next : current.getCause();
        }
        return Optional.empty();
    }
}
