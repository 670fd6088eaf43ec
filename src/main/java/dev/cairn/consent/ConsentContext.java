package dev.cairn.consent;

/**
 * Who made a preference change, from where; stored with each consent-log row.
 *
 * @param actor the staff user or API token for staff sources, null for the contact
 * @param ipPrefix the truncated IP address of a web request, never the full address
 * @param detail such as the form id, or the reason a staff user gave
 */
public record ConsentContext(ConsentSource source, String actor, String ipPrefix, String userAgent, String detail) {

    /** Returns a context for a change the contact made through a web page. */
    public static ConsentContext web(ConsentSource source, String ipPrefix, String userAgent, String detail) {
        String agent = userAgent == null || userAgent.length() <= 300 ? userAgent : userAgent.substring(0, 300);
        return new ConsentContext(source, null, ipPrefix, agent, detail);
    }
}
