package dev.cairn.system;

import java.net.URI;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Builds absolute URLs to Cairn's own endpoints, as browsers and mail recipients reach them. */
@Component
public class PublicUrls {

    private final SystemProperties properties;
    private volatile int localPort = 8080;

    PublicUrls(SystemProperties properties) {
        this.properties = properties;
    }

    @EventListener
    void onWebServerStarted(WebServerInitializedEvent event) {
        localPort = event.getWebServer().getPort();
    }

    /** Returns the port the embedded server listens on. */
    public int localPort() {
        return localPort;
    }

    /** Returns the base URL without a trailing slash, such as {@code https://cairn.example.com}. */
    public String base() {
        URI configured = properties.publicUrl();
        if (configured == null) {
            return "http://localhost:" + localPort;
        }
        String text = configured.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** Returns the absolute URL of a path that starts with a slash. */
    public String to(String path) {
        return base() + path;
    }
}
