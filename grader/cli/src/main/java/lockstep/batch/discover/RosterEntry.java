package lockstep.batch.discover;

import java.util.Objects;

/**
 * One student of the course's roster: what the gradebook needs beyond the id a download gives.
 * Any field but the id may be null when the roster has no such column or leaves it empty.
 */
public record RosterEntry(String id, String name, String email, String sisUserId, String sisLoginId, String section) {
    public RosterEntry {
        Objects.requireNonNull(id, "id must not be null");
    }
}
