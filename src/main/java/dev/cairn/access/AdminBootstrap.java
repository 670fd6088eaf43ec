package dev.cairn.access;

import dev.cairn.system.Ids;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the staff user {@code admin} on first start, with the password from {@code
 * CAIRN_ADMIN_PASSWORD} or a generated one that is logged once.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final String configuredPassword;

    AdminBootstrap(
            JdbcClient jdbc,
            PasswordEncoder encoder,
            Clock clock,
            @Value("${cairn.admin-password:}") String configuredPassword) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        long staff =
                jdbc.sql("SELECT COUNT(*) FROM staff_user").query(Long.class).single();
        if (staff > 0) {
            warnIfConfiguredPasswordIgnored();
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        jdbc.sql("INSERT INTO staff_user (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(Ids.newId(), ADMIN, encoder.encode(password), "ADMIN", clock.millis())
                .update();
        if (generated) {
            // Printed once, on creation, so that a new installation can be used at all.
            log.warn(
                    "Created staff user 'admin' with the generated password {} (shown only now; set"
                            + " CAIRN_ADMIN_PASSWORD before the first start to choose one)",
                    password);
        } else {
            log.info("Created staff user 'admin' with the password from CAIRN_ADMIN_PASSWORD");
        }
    }

    /** Tells an operator who set a new CAIRN_ADMIN_PASSWORD after the first start that it is not used. */
    private void warnIfConfiguredPasswordIgnored() {
        if (configuredPassword.isBlank()) {
            return;
        }
        jdbc.sql("SELECT password_hash FROM staff_user WHERE username = ?")
                .param(ADMIN)
                .query(String.class)
                .optional()
                .filter(hash -> !encoder.matches(configuredPassword, hash))
                .ifPresent(hash -> log.warn("CAIRN_ADMIN_PASSWORD differs from the stored password of staff user"
                        + " 'admin' and is ignored: it only sets the password when the first start creates the user"));
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
