package dev.cairn.email;

/** Hands a composed message to SMTP or to the built-in mailbox. */
interface MailTransport {

    /**
     * Delivers the message.
     *
     * @throws DeliveryException when delivery failed; {@link DeliveryException#permanent()} reports
     *     whether a retry could succeed
     */
    void deliver(String messageId, ComposedMessage message);

    /** A failed delivery attempt. */
    class DeliveryException extends RuntimeException {

        private final boolean permanent;

        DeliveryException(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        boolean permanent() {
            return permanent;
        }
    }
}
