package dev.cairn.tracking;

/** A validated page view from the tracker, before enrichment. */
record PageViewEvent(
        String site, String visitorId, String url, String title, String referrer, String eventId, String token) {

    /** Returns this event with the email-link token removed from its URL and referrer. */
    PageViewEvent withoutToken() {
        String cleanReferrer = referrer == null ? null : Attribution.withoutToken(referrer);
        return new PageViewEvent(site, visitorId, Attribution.withoutToken(url), title, cleanReferrer, eventId, token);
    }
}
