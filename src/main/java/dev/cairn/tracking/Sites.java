package dev.cairn.tracking;

import dev.cairn.system.PublicUrls;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracked sites and the origins allowed to send their events.
 *
 * <p>An allowlist entry is either a full origin ({@code https://www.example.com}, or {@code
 * http://localhost:{port}} where {@code {port}} stands for the port Cairn listens on) or a domain
 * ({@code example.com}), which allows that host and its subdomains over HTTP and HTTPS on their
 * default ports.
 */
@Service
public class Sites {

    /** Placeholder in an allowlist entry for the port Cairn listens on. */
    public static final String PORT_PLACEHOLDER = "{port}";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PublicUrls urls;

    Sites(JdbcClient jdbc, Clock clock, PublicUrls urls) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.urls = urls;
    }

    /** Reports whether a site with this id exists. */
    public boolean exists(String siteId) {
        return jdbc.sql("SELECT COUNT(*) FROM site WHERE id = ?")
                        .param(siteId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Registers a site with its allowlist. */
    @Transactional
    public void register(String siteId, String name, List<String> allowedOrigins) {
        jdbc.sql("INSERT INTO site (id, name, created_at) VALUES (?, ?, ?)")
                .params(siteId, name, clock.millis())
                .update();
        for (String origin : allowedOrigins) {
            jdbc.sql("INSERT INTO site_origin (site_id, origin) VALUES (?, ?)")
                    .params(siteId, origin.strip().toLowerCase(Locale.ROOT))
                    .update();
        }
    }

    /** Returns the site's allowlist entries as stored. */
    public List<String> allowedOrigins(String siteId) {
        return jdbc.sql("SELECT origin FROM site_origin WHERE site_id = ? ORDER BY origin")
                .param(siteId)
                .query(String.class)
                .list();
    }

    /** Reports whether an {@code Origin} header value is on the site's allowlist. */
    public boolean allowsOrigin(String siteId, String origin) {
        Optional<URI> parsed = parseOrigin(origin);
        return parsed.isPresent() && allowedOrigins(siteId).stream().anyMatch(entry -> matches(entry, parsed.get()));
    }

    /** Reports whether a URL is on any registered site, so links to it may carry identity tokens. */
    public boolean isTrackedUrl(String url) {
        Optional<URI> parsed = parseOrigin(url);
        if (parsed.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT origin FROM site_origin").query(String.class).list().stream()
                .anyMatch(entry -> matches(entry, parsed.get()));
    }

    private boolean matches(String entry, URI origin) {
        String resolved = entry.replace(PORT_PLACEHOLDER, Integer.toString(urls.localPort()));
        if (resolved.contains("://")) {
            return parseOrigin(resolved)
                    .map(allowed -> allowed.getScheme().equals(origin.getScheme())
                            && allowed.getHost().equals(origin.getHost())
                            && effectivePort(allowed) == effectivePort(origin))
                    .orElse(false);
        }
        String host = origin.getHost();
        boolean defaultPort = origin.getPort() == -1;
        return defaultPort && (host.equals(resolved) || host.endsWith("." + resolved));
    }

    private static Optional<URI> parseOrigin(String text) {
        if (text == null || text.isBlank() || text.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme();
            if (uri.getHost() == null
                    || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            return Optional.of(new URI(
                    scheme.toLowerCase(Locale.ROOT),
                    null,
                    uri.getHost().toLowerCase(Locale.ROOT),
                    uri.getPort(),
                    null,
                    null,
                    null));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return uri.getScheme().equals("https") ? 443 : 80;
    }
}
