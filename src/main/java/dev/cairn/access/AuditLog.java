package dev.cairn.access;

import dev.cairn.system.Ids;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Records who viewed or exported which contact's personal data, and when. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends an audit event for the current staff user. */
    public void record(String action, String subjectId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth == null ? "system" : auth.getName();
        jdbc.sql("INSERT INTO audit_event (id, actor, action, subject_id, occurred_at) VALUES (?, ?, ?, ?, ?)")
                .params(Ids.newId(), actor, action, subjectId, clock.millis())
                .update();
    }

    /** Returns the number of audit events about one subject, for tests and reports. */
    public long countFor(String subjectId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE subject_id = ?")
                .param(subjectId)
                .query(Long.class)
                .single();
    }
}
