package dev.cairn.tracking;

import dev.cairn.contacts.TimelineItem;
import dev.cairn.identity.LinkInterval;
import dev.cairn.system.Ids;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for page views. */
@Repository
class PageViewStore {

    private final JdbcClient jdbc;

    PageViewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a page view; returns false when its event id was already stored.
     *
     * <p>NOTE: country stays NULL because no IP-to-country database ships with Cairn yet.
     */
    boolean insert(PageViewEvent event, Attribution attribution, UserAgents.Classification agent, long at) {
        return jdbc.sql("""
                        INSERT INTO page_view (id, event_id, site_id, visitor_id, occurred_at, url, path, title, referrer,
                            utm_source, utm_medium, utm_campaign, utm_term, utm_content, click_id_type, click_id,
                            browser_family, device_type, country)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
                        ON CONFLICT (event_id) DO NOTHING""")
                        .params(
                                Ids.newId(),
                                event.eventId(),
                                event.site(),
                                event.visitorId(),
                                at,
                                event.url(),
                                pathOf(event.url()),
                                event.title(),
                                event.referrer(),
                                attribution.utmSource(),
                                attribution.utmMedium(),
                                attribution.utmCampaign(),
                                attribution.utmTerm(),
                                attribution.utmContent(),
                                attribution.clickIdType(),
                                attribution.clickId(),
                                agent.browserFamily(),
                                agent.deviceType())
                        .update()
                > 0;
    }

    /** Returns the page views inside one link interval, newest first. */
    List<TimelineItem> inInterval(LinkInterval interval, int limit) {
        return jdbc.sql("""
                        SELECT occurred_at, site_id, url, path, title, referrer, utm_source, utm_medium, utm_campaign,
                            click_id_type, browser_family, device_type
                        FROM page_view
                        WHERE visitor_id = ? AND occurred_at >= ? AND occurred_at < ?
                        ORDER BY occurred_at DESC
                        LIMIT ?""")
                .params(
                        interval.visitorId(),
                        interval.validFrom(),
                        interval.validTo() == null ? Long.MAX_VALUE : interval.validTo(),
                        limit)
                .query((rs, row) -> {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("visitorId", interval.visitorId());
                    details.put("site", rs.getString("site_id"));
                    details.put("url", rs.getString("url"));
                    details.put("path", rs.getString("path"));
                    details.put("title", rs.getString("title"));
                    details.put("referrer", rs.getString("referrer"));
                    details.put("utmSource", rs.getString("utm_source"));
                    details.put("utmMedium", rs.getString("utm_medium"));
                    details.put("utmCampaign", rs.getString("utm_campaign"));
                    details.put("clickIdType", rs.getString("click_id_type"));
                    details.put("browserFamily", rs.getString("browser_family"));
                    details.put("deviceType", rs.getString("device_type"));
                    return new TimelineItem("pageview", Instant.ofEpochMilli(rs.getLong("occurred_at")), details);
                })
                .list();
    }

    private static String pathOf(String url) {
        try {
            String path = new URI(url).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (Exception e) {
            return "/";
        }
    }
}
