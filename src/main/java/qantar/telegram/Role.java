package qantar.telegram;

/** What a Telegram user may do; commands registered with a higher role are hidden from the others. */
public enum Role {
    CITIZEN, MODERATOR, ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
