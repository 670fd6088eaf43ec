package dev.cairn.consent;

import dev.cairn.system.CardNumbers;

/**
 * The actor and origin of a preference change, stored with each consent-log row.
 *
 * @param actor the staff user or API token for staff sources, null for the contact
 * @param ipPrefix the truncated IP address of a web request, never the full address
 * @param detail such as the form id, or the reason a staff user gave
 * @param contactVerified whether the browser arrived through a link from one of the contact's
 *     emails, which proves access to the mailbox. Only then may a form opt-in undo an opt-out.
 */
public record ConsentContext(
        ConsentSource source, String actor, String ipPrefix, String userAgent, String detail, boolean contactVerified) {

    private static final int MAX_USER_AGENT = 300;

    public ConsentContext(ConsentSource source, String actor, String ipPrefix, String userAgent, String detail) {
        this(source, actor, ipPrefix, userAgent, detail, false);
    }

    /** Returns a context for a change the contact made through a web page. */
    public static ConsentContext web(ConsentSource source, String ipPrefix, String userAgent, String detail) {
        String agent = userAgent;
        if (agent != null && CardNumbers.containsCardNumber(agent)) {
            agent = null;
        } else if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new ConsentContext(source, null, ipPrefix, agent, detail, false);
    }

    /** Returns this context for a browser that arrived through a link in the contact's email. */
    public ConsentContext withVerifiedContact(boolean verified) {
        return new ConsentContext(source, actor, ipPrefix, userAgent, detail, verified);
    }

    /**
     * Reports whether this change may undo an opt-out: the preference center (reached through a
     * signed link) may, and so may a form sent from a browser verified through an email link.
     */
    boolean mayUndoOptOut() {
        return source == ConsentSource.PREFERENCE_CENTER || (source == ConsentSource.FORM && contactVerified);
    }
}
