package dev.cairn.tracking;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ua_parser.Client;
import ua_parser.Parser;

/** Classifies user agents into browser family and device type, and recognises bots. */
@Component
class UserAgents {

    /** Agents that uap-core does not list as spiders but that are not people either. */
    private static final Pattern EXTRA_BOTS = Pattern.compile(
            "(?i)(bot|crawl|spider|slurp|curl/|wget/|python-requests|python-urllib|go-http-client|java/|okhttp"
                    + "|headless-shell|lighthouse|pingdom|uptime|monitor|preview|facebookexternalhit)");

    private final Parser parser = new Parser();

    Classification classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Classification("Other", "unknown", true);
        }
        Client client = parser.parse(userAgent);
        boolean bot = "Spider".equals(client.device.family)
                || EXTRA_BOTS.matcher(userAgent).find();
        return new Classification(client.userAgent.family, deviceType(client, userAgent), bot);
    }

    private static String deviceType(Client client, String userAgent) {
        String device = client.device.family;
        String os = client.os.family;
        if ("Spider".equals(device)) {
            return "bot";
        }
        if (userAgent.contains("iPad")
                || userAgent.contains("Tablet")
                || (os.equals("Android") && !userAgent.contains("Mobile"))) {
            return "tablet";
        }
        if (userAgent.contains("Mobi") || os.equals("iOS")) {
            return "mobile";
        }
        return "desktop";
    }

    record Classification(String browserFamily, String deviceType, boolean bot) {}
}
