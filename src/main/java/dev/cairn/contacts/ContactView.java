package dev.cairn.contacts;

import java.time.Instant;
import java.util.List;

/** A contact as staff see it, with all its email addresses. */
public record ContactView(
        String id,
        String email,
        List<Address> emails,
        String firstName,
        String lastName,
        String company,
        String phone,
        String accountExecutive,
        LifecycleStage lifecycleStage,
        Instant createdAt,
        Instant updatedAt) {

    /** One of a contact's email addresses; exactly one is primary. */
    public record Address(String email, boolean primary) {}

    @Override
    public String toString() {
        return "ContactView[id=" + id + "]";
    }
}
