package dev.cairn.tracking;

import dev.cairn.identity.EmailTokenOutcome;
import dev.cairn.identity.Identity;
import dev.cairn.system.ApiException;
import dev.cairn.system.LogSafe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks events against their site's allowlist and stores them with their enrichment. */
@Service
class Collector {

    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    private final Sites sites;
    private final Identity identity;
    private final PageViewStore pageViews;
    private final UserAgents userAgents;
    private final Clock clock;
    private final MeterRegistry meters;

    Collector(
            Sites sites,
            Identity identity,
            PageViewStore pageViews,
            UserAgents userAgents,
            Clock clock,
            MeterRegistry meters) {
        this.sites = sites;
        this.identity = identity;
        this.pageViews = pageViews;
        this.userAgents = userAgents;
        this.clock = clock;
        this.meters = meters;
    }

    /** Stores a validated batch in one transaction and returns how many events were new. */
    @Transactional
    Result collect(List<PageViewEvent> events, String origin, String userAgent) {
        for (String siteId : events.stream().map(PageViewEvent::site).distinct().toList()) {
            checkSiteAndOrigin(siteId, origin);
        }
        UserAgents.Classification agent = userAgents.classify(userAgent);
        if (agent.bot()) {
            log.debug("Ignored {} events from a bot user agent", events.size());
            return new Result(0, events.size());
        }
        Set<String> recordedVisitors = new HashSet<>();
        int stored = 0;
        for (PageViewEvent event : events) {
            long now = clock.millis();
            if (recordedVisitors.add(event.visitorId())) {
                identity.recordVisit(event.visitorId(), event.site());
            }
            PageViewEvent cleaned = event.withoutToken();
            if (pageViews.insert(cleaned, Attribution.fromUrl(cleaned.url()), agent, now)) {
                stored++;
            }
            if (event.token() != null) {
                EmailTokenOutcome outcome =
                        identity.identifyFromEmailToken(event.visitorId(), event.site(), event.token());
                log.debug("Email-link token on site {}: {}", event.site(), outcome);
            }
        }
        return new Result(stored, events.size() - stored);
    }

    private void checkSiteAndOrigin(String siteId, String origin) {
        if (!sites.exists(siteId)) {
            reject("unknown_site");
            throw ApiException.notFound(
                    "site_not_found", "The site id is not registered; check data-site on the tracker.");
        }
        if (origin == null || origin.isBlank()) {
            reject("origin_missing");
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "origin_missing",
                    "The request has no Origin header; events are accepted only from the site's allowed origins.");
        }
        if (!sites.allowsOrigin(siteId, origin)) {
            reject("origin_not_allowed");
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    "origin_not_allowed",
                    "Origin " + LogSafe.text(origin) + " is not on the allowlist of site '" + siteId + "'.");
        }
    }

    /** Counts a rejected request; rejections are client faults, so they are counted, not logged. */
    private void reject(String reason) {
        meters.counter("cairn.collector.rejected", "reason", reason).increment();
        log.debug("Collector rejected a request: {}", reason);
    }

    /**
     * @param accepted events stored now
     * @param ignored events dropped as duplicates or because a bot sent them
     */
    record Result(int accepted, int ignored) {}
}
