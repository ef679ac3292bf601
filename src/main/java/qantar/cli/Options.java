package qantar.cli;

import qantar.app.Qantar;
import qantar.config.Locations;

/** Opens the program on the folders the environment names (QANTAR_DATA_DIR, ...). */
final class Options {
    private Options() {
    }

    static Qantar open() {
        return Qantar.open(Locations.dataDir(), Locations.knowledgeDir(), Locations.configDir(), new ConsoleProgress());
    }

    /** How often `serve` and `web` look for corpus revisions committed by another process (QANTAR_FOLLOW_SECONDS, default 5). */
    static int followSeconds() {
        String v = Locations.setting("QANTAR_FOLLOW_SECONDS");
        if (v == null || v.isBlank()) {
            return 5;
        }
        try {
            int s = Integer.parseInt(v.strip());
            if (s > 0) {
                return s;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw Failure.badInput("QANTAR_FOLLOW_SECONDS must be a whole number of seconds above 0, not '" + v + "'", null);
    }
}
