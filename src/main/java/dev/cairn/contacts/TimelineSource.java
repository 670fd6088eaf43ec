package dev.cairn.contacts;

import java.util.List;

/** A feature that contributes entries to contact timelines, such as page views or emails. */
public interface TimelineSource {

    /** Returns up to {@code limit} of the contact's entries from this source, newest first. */
    List<TimelineItem> timeline(String contactId, int limit);
}
