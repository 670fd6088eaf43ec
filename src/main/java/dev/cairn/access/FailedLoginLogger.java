package dev.cairn.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Logs failed staff logins, so that password guessing shows up in the log. The log names the
 * staff user's id, never the submitted user name, which may be an email address or a mistyped
 * password.
 *
 * <p>NOTE: failed logins are logged but not throttled yet.
 */
@Component
class FailedLoginLogger {

    private static final Logger log = LoggerFactory.getLogger(FailedLoginLogger.class);

    private final JdbcClient jdbc;

    FailedLoginLogger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String userId = jdbc.sql("SELECT id FROM staff_user WHERE username = ?")
                .param(event.getAuthentication().getName())
                .query(String.class)
                .optional()
                .orElse(null);
        if (userId == null) {
            log.warn("Staff login failed for an unknown user name");
        } else {
            log.warn("Staff login failed for staff user {}", userId);
        }
    }
}
