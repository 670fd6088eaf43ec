package dev.cairn.access;

import dev.cairn.system.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Logs failed staff logins, so that password guessing shows up in the log.
 *
 * <p>NOTE: failed logins are logged but not throttled yet.
 */
@Component
class FailedLoginLogger {

    private static final Logger log = LoggerFactory.getLogger(FailedLoginLogger.class);

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        log.warn(
                "Staff login failed for user '{}': {}",
                LogSafe.text(event.getAuthentication().getName()),
                event.getException().getClass().getSimpleName());
    }
}
