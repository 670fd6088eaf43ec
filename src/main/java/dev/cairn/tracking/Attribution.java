package dev.cairn.tracking;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** UTM parameters and ad click ids read from a landing URL. */
record Attribution(
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmTerm,
        String utmContent,
        String clickIdType,
        String clickId) {

    /** Click-id parameters of ad and social platforms, in order of precedence. */
    static final List<String> CLICK_ID_PARAMETERS = List.of(
            "gclid",
            "gbraid",
            "wbraid",
            "dclid",
            "fbclid",
            "msclkid",
            "li_fat_id",
            "ttclid",
            "twclid",
            "epik",
            "rdt_cid",
            "sccid");

    private static final int MAX_VALUE = 200;
    private static final java.util.regex.Pattern TOKEN_PARAMETER =
            java.util.regex.Pattern.compile("(?i)(?<=[?&])cairn(?:_|%5f)token=[^&#]*(&|(?=#)|$)");

    /** Removes the email-link token from a URL, so page views never store it. */
    static String withoutToken(String url) {
        String cleaned = TOKEN_PARAMETER.matcher(url).replaceAll("");
        return cleaned.replaceAll("[?&](?=#|$)", "");
    }

    static Attribution fromUrl(String url) {
        Map<String, String> query = queryParameters(url);
        String clickIdType = null;
        String clickId = null;
        for (String name : CLICK_ID_PARAMETERS) {
            if (query.containsKey(name)) {
                clickIdType = name;
                clickId = query.get(name);
                break;
            }
        }
        return new Attribution(
                query.get("utm_source"),
                query.get("utm_medium"),
                query.get("utm_campaign"),
                query.get("utm_term"),
                query.get("utm_content"),
                clickIdType,
                clickId);
    }

    private static Map<String, String> queryParameters(String url) {
        Map<String, String> result = new HashMap<>();
        String query;
        try {
            query = new URI(url).getRawQuery();
        } catch (Exception e) {
            return result;
        }
        if (query == null) {
            return result;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = decode(pair.substring(0, equals)).toLowerCase();
            String value = decode(pair.substring(equals + 1));
            if (!value.isBlank()) {
                result.putIfAbsent(name, value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) : value);
            }
        }
        return result;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
