package dev.cairn.tracking;

import dev.cairn.system.ApiException;
import dev.cairn.system.CardNumbers;
import dev.cairn.system.FieldProblem;
import dev.cairn.system.PublicUrls;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
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

    private static final Pattern SITE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /**
     * A domain with at least two labels, so a bare top-level domain such as "com" is rejected.
     * NOTE: public suffixes with two labels, such as "co.uk", still pass, because no public suffix
     * list is consulted.
     */
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

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

    /**
     * Registers a site with its allowlist.
     *
     * @throws ApiException 422 naming each invalid field, or 409 if the id is taken
     */
    @Transactional
    public void register(String siteId, String name, List<String> allowedOrigins) {
        List<FieldProblem> problems = new ArrayList<>();
        if (siteId == null || !SITE_ID.matcher(siteId).matches()) {
            problems.add(new FieldProblem(
                    "id", "invalid_format", "id must be 1 to 64 lowercase letters, digits or dashes."));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(new FieldProblem("name", "invalid_length", "name is required and at most 200 characters."));
        } else if (CardNumbers.containsCardNumber(name)) {
            problems.add(CardNumbers.problem("name"));
        }
        problems.addAll(checkOrigins(allowedOrigins));
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (exists(siteId)) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "site_exists", "A site with the id '" + siteId + "' exists already.");
        }
        jdbc.sql("INSERT INTO site (id, name, created_at) VALUES (?, ?, ?)")
                .params(siteId, name.strip(), clock.millis())
                .update();
        insertOrigins(siteId, allowedOrigins);
    }

    /** Replaces a site's allowlist. */
    @Transactional
    public void replaceAllowedOrigins(String siteId, List<String> allowedOrigins) {
        List<FieldProblem> problems = checkOrigins(allowedOrigins);
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        if (!exists(siteId)) {
            throw ApiException.notFound("site_not_found", "No site has the id '" + siteId + "'.");
        }
        jdbc.sql("DELETE FROM site_origin WHERE site_id = ?").param(siteId).update();
        insertOrigins(siteId, allowedOrigins);
    }

    /** Returns the site's display name. */
    public Optional<String> name(String siteId) {
        return jdbc.sql("SELECT name FROM site WHERE id = ?")
                .param(siteId)
                .query(String.class)
                .optional();
    }

    private void insertOrigins(String siteId, List<String> allowedOrigins) {
        for (String origin :
                allowedOrigins.stream().map(Sites::normalizeEntry).distinct().toList()) {
            jdbc.sql("INSERT INTO site_origin (site_id, origin) VALUES (?, ?)")
                    .params(siteId, origin)
                    .update();
        }
    }

    private static List<FieldProblem> checkOrigins(List<String> allowedOrigins) {
        List<FieldProblem> problems = new ArrayList<>();
        if (allowedOrigins == null || allowedOrigins.isEmpty()) {
            problems.add(new FieldProblem(
                    "allowedOrigins", "required", "allowedOrigins needs at least one origin or domain."));
            return problems;
        }
        for (int i = 0; i < allowedOrigins.size(); i++) {
            String entry = allowedOrigins.get(i);
            if (entry == null || !isValidEntry(normalizeEntry(entry))) {
                problems.add(
                        new FieldProblem(
                                "allowedOrigins[" + i + "]",
                                "invalid_origin",
                                "allowedOrigins[" + i
                                        + "] must be an origin such as https://www.example.com or a domain such as example.com."));
            }
        }
        return problems;
    }

    private static String normalizeEntry(String entry) {
        String trimmed = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static boolean isValidEntry(String entry) {
        if (entry.contains("://")) {
            String resolved = entry.replace(PORT_PLACEHOLDER, "1");
            return parseOrigin(resolved)
                    .map(origin -> origin.toString().equals(resolved))
                    .orElse(false);
        }
        return DOMAIN.matcher(entry).matches();
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
