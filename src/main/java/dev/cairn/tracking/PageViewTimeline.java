package dev.cairn.tracking;

import dev.cairn.contacts.TimelineItem;
import dev.cairn.contacts.TimelineSource;
import dev.cairn.identity.Identity;
import dev.cairn.identity.LinkInterval;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Adds the page views of every visitor linked to a contact to its timeline. */
@Component
class PageViewTimeline implements TimelineSource {

    private final Identity identity;
    private final PageViewStore pageViews;

    PageViewTimeline(Identity identity, PageViewStore pageViews) {
        this.identity = identity;
        this.pageViews = pageViews;
    }

    @Override
    public List<TimelineItem> timeline(String contactId, int limit) {
        List<TimelineItem> items = new ArrayList<>();
        for (LinkInterval interval : identity.linkIntervals(contactId)) {
            items.addAll(pageViews.inInterval(interval, limit));
        }
        items.sort(Comparator.comparing(TimelineItem::occurredAt).reversed());
        return items.size() > limit ? items.subList(0, limit) : items;
    }
}
