package qantar.moderation;

/**
 * What a user may do, in moderation and in the bot (commands registered with a higher role are hidden from
 * the others). Everyone not granted anything is a citizen.
 */
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
