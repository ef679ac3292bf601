package qantar.moderation;

/** What a user may do in moderation. Everyone not granted anything is a citizen. */
public enum Role {
    CITIZEN, MODERATOR, ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Role of(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
