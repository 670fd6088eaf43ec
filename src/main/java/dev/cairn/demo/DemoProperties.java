package dev.cairn.demo;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo-site settings.
 *
 * @param enabled whether the demo site and form are created on first start
 * @param allowedOrigins the demo site's allowlist; empty means localhost and 127.0.0.1 on the port
 *     Cairn listens on
 */
@ConfigurationProperties("cairn.demo")
record DemoProperties(
        @DefaultValue("true") boolean enabled, @DefaultValue List<String> allowedOrigins) {}
