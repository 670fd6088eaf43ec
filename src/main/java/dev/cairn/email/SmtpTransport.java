package dev.cairn.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/** Delivers over SMTP through Spring's {@link JavaMailSender}. */
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
            boolean rejectedAddress = e.getFailedMessages().values().stream()
                    .anyMatch(cause -> cause instanceof SendFailedException failed
                            && failed.getInvalidAddresses() != null
                            && failed.getInvalidAddresses().length > 0);
            throw new DeliveryException("SMTP send failed: " + e.getClass().getSimpleName(), rejectedAddress, e);
        } catch (MailException e) {
            throw new DeliveryException("SMTP failed: " + e.getClass().getSimpleName(), false, e);
        }
    }
}
