package dev.cairn.tracking;

/** A validated page view from the tracker, before enrichment. */
record PageViewEvent(
        String site, String visitorId, String url, String title, String referrer, String eventId, String token) {

    PageViewEvent withUrl(String newUrl) {
        return new PageViewEvent(site, visitorId, newUrl, title, referrer, eventId, token);
    }
}
