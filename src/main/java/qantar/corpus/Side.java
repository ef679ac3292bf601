package qantar.corpus;

import java.util.List;
import java.util.Optional;

/** Who makes a statement. The ids are part of the public contract (JSON, config, corpus files). */
public enum Side {
    OFFICIAL("official"),
    MLECHIN_BOOK("mlechin_book"),
    HRW("hrw"),
    INDEPENDENT("independent"),
    OTHER("other");

    /** The four sides an answer reports as missing when they have nothing on a question. */
    public static final List<Side> MAIN = List.of(OFFICIAL, MLECHIN_BOOK, HRW, INDEPENDENT);

    private final String id;

    Side(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Side> fromId(String id) {
        for (Side s : values()) {
            if (s.id.equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static String allIds() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Side::id).toList());
    }
}
