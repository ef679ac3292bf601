package qantar.moderation;

import java.util.Optional;

/** What moderators type, made fit to store and to look up: reasons clipped, ids read leniently ("12", "#12", "p12"). */
final class Input {
    static final int MAX_REASON_CHARS = 500;

    private Input() {
    }

    /** A proposal's or report's number as moderators write it; empty when it is none. */
    static Optional<Long> id(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String s = id.strip().replaceFirst("^[#pP]", "");
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A reason as stored: clipped, or {@code fallback} when none was given. */
    static String reason(String reason, String fallback) {
        return blank(reason) ? fallback : clip(reason.strip());
    }

    static String reason(String reason) {
        return reason(reason, "no reason given");
    }

    static String clip(String s) {
        return s.length() > MAX_REASON_CHARS ? s.substring(0, MAX_REASON_CHARS) : s;
    }

    /** A user as the audit log names them. */
    static String user(long id) {
        return "user " + id;
    }
}
